import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROBLEM_CODES } from './contract/problems';

const ROOT = join(__dirname, '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** The first cells of a markdown table's rows whose first cell is `code`, with the rest of each row. */
function tableRows(markdown: string): string[][] {
  return markdown
    .split('\n')
    .filter((line) => /^\| `[A-Z]/.test(line))
    .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
}

/** Every variable the configuration reads: `env.NAME`, `int('NAME', …)` and the rate limits' `limit('WHO', …)`. */
function variablesReadBy(source: string): string[] {
  const direct = [...source.matchAll(/env\.([A-Z][A-Z0-9_]+)/g), ...source.matchAll(/int\('([A-Z][A-Z0-9_]+)'/g)].map((m) => m[1]);
  const limits = [...source.matchAll(/limit\('([A-Z]+)'/g)].flatMap((m) => [`RATE_LIMIT_${m[1]}_BURST`, `RATE_LIMIT_${m[1]}_PER_SECOND`]);
  return [...new Set([...direct, ...limits])].sort();
}

/** `RATE_LIMIT_USER_BURST` / `_PER_SECOND` and `JWT_ISSUER`, `JWT_AUDIENCE` name several variables in one cell. */
function variablesDocumentedIn(markdown: string): string[] {
  const names = tableRows(markdown).flatMap(([cell]) => {
    const [first, ...rest] = [...cell.matchAll(/`([A-Z_][A-Z0-9_]*)`/g)].map((m) => m[1]);
    return [first, ...rest.map((name) => (name.startsWith('_') ? first.replace(/_[A-Z]+$/, '') + name : name))];
  });
  return [...new Set(names)].sort();
}

describe('the reference docs say what the code does', () => {
  it('docs/api.md lists every problem code with its status, and no other', () => {
    const documented = tableRows(read('docs/api.md'))
      .filter(([code]) => /^`[A-Z_]+`$/.test(code))
      .map(([code, status]) => [code.replace(/`/g, ''), Number(status)]);
    const inCode = Object.entries(PROBLEM_CODES).map(([code, [status]]) => [code, status]);

    expect(documented.sort()).toEqual(inCode.sort());
  });

  it('docs/configuration.md lists every environment variable the configuration reads, and no other', () => {
    const read_ = variablesReadBy(read('src/config/app-config.ts'));

    expect(read_).toContain('DATABASE_URL');
    expect(variablesDocumentedIn(read('docs/configuration.md'))).toEqual(read_);
  });
});
