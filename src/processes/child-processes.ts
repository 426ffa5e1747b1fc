import { ChildProcess, SpawnOptions, spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** A port the kernel says is free on loopback right now (a random one can already be taken). */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface StartedProcess {
  readonly child: ChildProcess;
  /** What it wrote to stdout and stderr so far (the last 64 kB). */
  readonly output: () => string;
  /** Resolves with the exit code (or the signal's name) once it has ended. */
  readonly exited: Promise<number | string>;
}

const KEPT_OUTPUT = 64 * 1024;

/** Spawns a process whose stdout and stderr are kept for whoever must explain how it ended. */
export function spawnWatched(command: string, args: readonly string[], options: SpawnOptions = {}): StartedProcess {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    if (output.length > 2 * KEPT_OUTPUT) output = output.slice(-KEPT_OUTPUT);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | string>((resolve) => {
    child.once('error', (error) => {
      keep(Buffer.from(`${error.message}\n`));
      resolve(-1);
    });
    // 'close', not 'exit': by then everything it wrote has been read.
    child.once('close', (code, signal) => resolve(code ?? signal ?? -1));
  });
  return { child, output: () => output, exited };
}

/** Resolves once the process has written `text`; rejects, with what it wrote, if it ends or takes too long first. */
export function untilItSays(started: StartedProcess, text: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      clearTimeout(timer);
      started.child.stdout!.off('data', check);
      started.child.stderr!.off('data', check);
      if (error) reject(error);
      else resolve();
    };
    const check = () => {
      if (started.output().includes(text)) done();
    };
    const timer = setTimeout(() => done(new ProcessFailed(`did not say "${text}" within ${timeoutMs / 1000} s`, started.output())), timeoutMs);
    started.child.stdout!.on('data', check);
    started.child.stderr!.on('data', check);
    void started.exited.then((code) => done(new ProcessFailed(`exited with ${code}`, started.output())));
    check();
  });
}

/** A child that ended, or hung, before it was ready: `output` is what it said. */
export class ProcessFailed extends Error {
  constructor(
    readonly why: string,
    readonly output: string,
  ) {
    super(`${why}:\n${output}`);
  }
}

/** Asks it to stop (SIGTERM unless told) and waits until it has. */
export function stopProcess(started: StartedProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | string> {
  if (started.child.exitCode === null && started.child.signalCode === null) started.child.kill(signal);
  return started.exited;
}
