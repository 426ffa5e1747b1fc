import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, utimesSync } from 'node:fs';
import { Server, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freeLoopbackPort, spawnWatched, stopProcess, untilItSays } from '../../src/processes/child-processes';
import { ROOT_DATA } from '../../src/database/postgres-runtime';
import { AppProcess, spawnApp, startAppProcess } from '../support/app-process';
import { TestDatabase, createTestDatabase } from '../support/test-database';
import { TEST_JWT_SECRET } from '../support/tokens';

describe('First minutes: a start that cannot go on says why in one line and exits 1', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('a taken port: exit 1 with a line that names the port and what to do', async () => {
    const holder: Server = await new Promise((resolve) => {
      const server = createServer().listen(0, () => resolve(server));
    });
    const port = (holder.address() as { port: number }).port;
    try {
      const app = startAppProcess({ PORT: String(port), DATABASE_URL: database.url });

      expect(await app.exited).toBe(1);
      const lines = app.output().split('\n').filter((line) => /EADDRINUSE|already in use/.test(line));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`Port ${port} is already in use: stop whatever listens there, or set PORT to a free port`);
      expect(app.output()).not.toContain('Starting Nest application');
    } finally {
      holder.close();
    }
  }, 30_000);

  it('a bad configuration: exit 1 naming each bad variable, nothing started', async () => {
    const app = startAppProcess({ PORT: 'eighty', DB_POOL_MAX: '0', DATABASE_URL: database.url });

    expect(await app.exited).toBe(1);
    expect(app.output()).toContain('PORT must be an integer from 0 to 65535, got "eighty"');
    expect(app.output()).toContain('DB_POOL_MAX must be an integer from 1 to 1000, got "0"');
  }, 30_000);
});

describe('First minutes on the embedded PostgreSQL', () => {
  // A mkdtemp folder is closed to everyone but its owner: as root, the case of a clone under /root.
  const closed = mkdtempSync(join(tmpdir(), 'roster-first-minutes-'));
  const embedded = { DATABASE_URL: '', DATA_DIR: join(closed, '.data') };
  const dataFolderOf = (output: string) => /Started embedded PostgreSQL with its data in (\S+?)"/.exec(output)?.[1];
  let first: AppProcess | undefined;
  afterAll(async () => {
    if (first) await stopProcess(first);
    const data = first && dataFolderOf(first.output());
    if (data?.startsWith(ROOT_DATA)) for (const path of [data, `${data}.password`]) rmSync(path, { recursive: true, force: true });
    rmSync(closed, { recursive: true, force: true });
  });

  it('in a folder others cannot enter, even as root, the app starts and serves on its embedded PostgreSQL', async () => {
    expect(statSync(closed).mode & 0o077).toBe(0);

    first = await spawnApp('', embedded);

    expect((await fetch(`${first!.url}/health/ready`)).status).toBe(200);
    const data = dataFolderOf(first.output());
    expect(data).toEqual(process.getuid?.() === 0 ? expect.stringMatching(new RegExp(`^${ROOT_DATA}/postgres-[0-9a-f]{16}$`)) : join(closed, '.data', 'postgres'));
  }, 60_000);

  it('a data folder in use by a running instance: the second start stops with one line naming it, exit 1', async () => {
    const second = startAppProcess({ ...embedded, PORT: String(await freeLoopbackPort()) });

    expect(await second.exited).toBe(1);
    const refusals = second.output().split('\n').filter((line) => line.includes('is in use by another PostgreSQL'));
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toMatch(/data folder \S+ is in use by another PostgreSQL \(pid \d+\), most likely another npm start of this project: stop that one, or set DATA_DIR to another folder/);
    expect((await fetch(`${first!.url}/health/ready`)).status).toBe(200);
  }, 60_000);
});

describe('npm start (scripts/start.mjs)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());
  const check = () => {
    try {
      return execFileSync(process.execPath, ['scripts/start.mjs', '--check'], { encoding: 'utf8' });
    } catch (error) {
      return String((error as { stdout: string }).stdout);
    }
  };

  it('a second start with nothing changed builds nothing; a changed source file is seen', () => {
    // npm test has just built: nothing has changed since.
    expect(check()).toBe('dist/ and dist-console/ are up to date\n');
    const source = 'src/main.ts';
    const { atime, mtime } = statSync(source);
    try {
      utimesSync(source, atime, new Date(Date.now() + 60_000));
      expect(check()).toBe(`A build is needed: ${source} changed since the last build\n`);
    } finally {
      utimesSync(source, atime, mtime);
    }
    expect(check()).toBe('dist/ and dist-console/ are up to date\n');
  });

  it('a second npm start beside a running one on the same port is refused in one line, and the first goes on', async () => {
    const port = String(await freeLoopbackPort());
    const data = mkdtempSync(join(tmpdir(), 'roster-start-'));
    const env = { ...process.env, PORT: port, DATA_DIR: data, DATABASE_URL: database.url, JWT_SECRET: TEST_JWT_SECRET };
    const running = spawnWatched(process.execPath, ['scripts/start.mjs'], { env });
    try {
      await untilItSays(running, 'Serving on', 30_000);
      expect(running.output()).not.toContain('Building');

      const second = spawnWatched(process.execPath, ['scripts/start.mjs'], { env });

      expect(await second.exited).toBe(1);
      expect(second.output()).toBe(
        `npm start is already running in this project (pid ${running.child.pid}, port ${port}, data in ${data}): stop it (Ctrl-C in its terminal), or give this one its own PORT and DATA_DIR\n`,
      );
      expect((await fetch(`http://127.0.0.1:${port}/health/live`)).status).toBe(200);
    } finally {
      expect(await stopProcess(running)).toBe(0);
      rmSync(data, { recursive: true, force: true });
    }
  }, 60_000);
});
