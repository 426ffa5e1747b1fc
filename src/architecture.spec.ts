import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const DEPENDENCY_CRUISER = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const FIXTURE = join(ROOT, 'test/fixtures/boundaries');

interface Dependency {
  readonly module: string;
  readonly resolved: string;
  readonly rules?: { name: string }[];
}
interface CruisedModule {
  readonly source: string;
  readonly dependencies: Dependency[];
}

/** The dependency graph of `src/` under `folder`, as dependency-cruiser sees it with the project's rules. */
function cruise(folder: string): CruisedModule[] {
  const run = spawnSync(process.execPath, [DEPENDENCY_CRUISER, 'src', '--config', join(ROOT, '.dependency-cruiser.cjs'), '--output-type', 'json'], {
    cwd: folder,
    encoding: 'utf8',
  });
  if (!run.stdout) throw new Error(`dependency-cruiser failed: ${run.stderr}`);
  return (JSON.parse(run.stdout) as { modules: CruisedModule[] }).modules;
}

const isOurs = (path: string) => path.startsWith('src/');

/** "rule: from → to" for each broken rule; a package or built-in is named as imported. */
function violations(modules: CruisedModule[]): string[] {
  return modules.flatMap((m) =>
    m.dependencies.flatMap((d) => (d.rules ?? []).map((r) => `${r.name}: ${m.source} → ${isOurs(d.resolved) ? d.resolved : d.module}`)),
  );
}

/** The folder a file belongs to for layering: a top-level folder, or a layer of a feature. */
function folderOf(path: string): string {
  const parts = path.split('/');
  if (parts.length <= 2) return path;
  return parts[1] === 'game-sessions' && parts.length > 3 ? parts.slice(0, 3).join('/') : parts.slice(0, 2).join('/');
}

/** Folders that reach each other through imports (Tarjan's strongly connected components of more than one folder). */
function folderCycles(modules: CruisedModule[]): string[] {
  const edges = new Map<string, Set<string>>();
  for (const m of modules.filter((m) => isOurs(m.source))) {
    const from = folderOf(m.source);
    for (const d of m.dependencies.filter((d) => isOurs(d.resolved))) {
      const to = folderOf(d.resolved);
      if (to !== from) edges.set(from, (edges.get(from) ?? new Set()).add(to));
    }
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const cycles: string[] = [];
  const visit = (folder: string) => {
    index.set(folder, index.size);
    low.set(folder, index.get(folder)!);
    stack.push(folder);
    for (const next of edges.get(folder) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(folder, Math.min(low.get(folder)!, low.get(next)!));
      } else if (stack.includes(next)) low.set(folder, Math.min(low.get(folder)!, index.get(next)!));
    }
    if (low.get(folder) !== index.get(folder)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      component.push(member);
    } while (member !== folder);
    if (component.length > 1) cycles.push(component.sort().join(' ⇄ '));
  };
  for (const folder of edges.keys()) if (!index.has(folder)) visit(folder);
  return cycles.sort();
}

describe('architecture: the boundaries of .dependency-cruiser.cjs', () => {
  const code = cruise(ROOT);

  it('the cruise sees the code: the aggregate, the service, main.ts', () => {
    const sources = code.map((m) => m.source);

    expect(sources).toEqual(expect.arrayContaining(['src/main.ts', 'src/game-sessions/domain/game-session.ts', 'src/game-sessions/application/game-sessions.service.ts']));
  });

  it('the code breaks none of the rules', () => {
    expect(violations(code)).toEqual([]);
  });

  it('no two folders import each other, directly or around a loop', () => {
    expect(folderCycles(code)).toEqual([]);
  });

  it('each rule catches what it forbids (test/fixtures/boundaries breaks each once)', () => {
    const fixture = cruise(FIXTURE);

    expect(violations(fixture).sort()).toEqual([
      'application-points-inward: src/game-sessions/application/service.ts → src/game-sessions/infrastructure/adapter.ts',
      'contract-is-plain: src/contract/view.ts → crypto',
      'domain-is-pure: src/game-sessions/domain/rule.ts → @nestjs/common',
      'features-stand-alone: src/health/probe.ts → src/console/page.ts',
      'main-is-bootstrap-only: src/main.ts → src/common/helper.ts',
      'no-circular: src/loop/one.ts → src/loop/two.ts',
      'no-circular: src/loop/two.ts → src/loop/one.ts',
      'no-dev-dependencies-in-production: src/cluster/link.ts → fast-check',
      'platform-holds-no-feature-code: src/common/helper.ts → src/game-sessions/domain/rule.ts',
    ]);
    expect(folderCycles(fixture)).toEqual(['src/alpha ⇄ src/beta']);
  });
});
