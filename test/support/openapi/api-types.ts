import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

/** The client's types, generated from the served document and checked in, so that tsc types the client's calls. */
export const API_TYPES_FILE = join(__dirname, 'roster-api.d.ts');

/**
 * What scripts/generate-api-types.mjs (openapi-typescript) makes of the document: run by Node itself,
 * since openapi-typescript loads ES modules that Jest's module loader cannot.
 */
export function generateApiTypes(json: string): string {
  return execFileSync(process.execPath, [join(ROOT, 'scripts', 'generate-api-types.mjs'), '-', '-'], {
    input: json,
    encoding: 'utf8',
    cwd: ROOT,
  });
}
