import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { UNLIMITED } from './test-app';
import { TEST_JWT_SECRET } from './tokens';

export interface AppProcess {
  readonly child: ChildProcess;
  readonly url: string;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  readonly exited: Promise<number | string>;
  readonly output: () => string;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

/** The built app (`npm run build`, which `npm test` runs first) as its own process, as in production. */
export function startAppProcess(env: Record<string, string>): Omit<AppProcess, 'url'> {
  if (!existsSync('dist/main.js')) throw new Error('dist/main.js is missing: run `npm run build` (npm test does)');
  const child = spawn(process.execPath, ['dist/main.js'], {
    env: { ...process.env, JWT_SECRET: TEST_JWT_SECRET, NODE_ENV: 'test', ...UNLIMITED, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  return { child, exited, output: () => output };
}

/** The built app on a free port, once it says it serves. */
export async function spawnApp(databaseUrl: string, env: Record<string, string> = {}): Promise<AppProcess> {
  const port = await freePort();
  const app = startAppProcess({ PORT: String(port), DATABASE_URL: databaseUrl, ...env });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the app did not start:\n${app.output()}`)), 30_000);
    const check = () => {
      if (!app.output().includes('Serving on')) return;
      clearTimeout(timer);
      resolve();
    };
    app.child.stdout!.on('data', check);
    void app.exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the app exited with ${code}:
${app.output()}`));
    });
  });
  return { ...app, url: `http://127.0.0.1:${port}` };
}
