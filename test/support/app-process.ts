import { existsSync } from 'node:fs';
import { ProcessFailed, StartedProcess, freeLoopbackPort, spawnWatched, untilItSays } from '../../src/processes/child-processes';
import { UNLIMITED } from './test-app';
import { TEST_JWT_SECRET } from './tokens';

export interface AppProcess extends StartedProcess {
  readonly url: string;
}

/** The built app (`npm run build`, which `npm test` runs first) as its own process, as in production. */
export function startAppProcess(env: Record<string, string>): StartedProcess {
  if (!existsSync('dist/main.js')) throw new Error('dist/main.js is missing: run `npm run build` (npm test does)');
  return spawnWatched(process.execPath, ['dist/main.js'], {
    env: { ...process.env, JWT_SECRET: TEST_JWT_SECRET, NODE_ENV: 'test', ...UNLIMITED, ...env },
  });
}

/** The built app on a free port, once it says it serves. */
export async function spawnApp(databaseUrl: string, env: Record<string, string> = {}): Promise<AppProcess> {
  const port = await freeLoopbackPort();
  const app = startAppProcess({ PORT: String(port), DATABASE_URL: databaseUrl, ...env });
  await untilItSays(app, 'Serving on', 30_000).catch((error: unknown) => {
    throw error instanceof ProcessFailed ? new Error(`the app ${error.why}:\n${error.output}`) : error;
  });
  return { ...app, url: `http://127.0.0.1:${port}` };
}
