import 'reflect-metadata';
import { ConsoleLogger, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createServer } from 'node:net';
import { Logger as PinoLogger } from 'nestjs-pino';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { AppConfig, loadAppConfig } from './config/app-config';
import { flushLogs } from './logging/logging.module';

const logger = new Logger('Bootstrap');
let app: NestExpressApplication | undefined;

/**
 * Until the app's own logger takes over: JSON lines written at once, so a start that waits for its
 * database says so while it waits. A start that fails is told once, by bootstrap's catch, in a
 * sentence, not a second time as Nest's stack trace of it.
 */
class StartupLogger extends ConsoleLogger {
  override error(message: unknown, ...rest: unknown[]): void {
    if (rest.at(-1) !== 'ExceptionHandler') super.error(message, ...rest);
  }
}

async function bootstrap(): Promise<void> {
  const config = loadAppConfig();
  await refuseTakenPort(config.port);
  app = await NestFactory.create<NestExpressApplication>(AppModule.of(config), {
    logger: new StartupLogger({ json: true }),
    abortOnError: false,
    bodyParser: false,
  });
  app.useLogger(app.get(PinoLogger));
  await configureApp(app);
  await app.listen(config.port).catch((error: unknown) => {
    throw new Error(listenFailure(error, config.port));
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void stop(app!, signal, config));
  const url = (await app.getUrl()).replace('[::1]', 'localhost');
  logger.log(`Serving on ${url}: the console at ${url}/, the API at ${url}/api (OpenAPI: ${url}/api/docs)`);
  if (config.jwtSecretSource === 'file') {
    logger.warn('JWT_SECRET is not set: using a development secret kept in .data/dev-jwt-secret.');
    logger.warn('Mint a token for local use with: npm run -s token -- <user-uuid>');
  }
}

/** Before anything starts (an embedded PostgreSQL takes a while): a taken port is told at once, in our words only. */
async function refuseTakenPort(port: number): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(port, () => probe.close(() => resolve()));
  }).catch((error: unknown) => {
    throw new Error(listenFailure(error, port));
  });
}

function listenFailure(error: unknown, port: number): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') return `Port ${port} is already in use: stop whatever listens there, or set PORT to a free port`;
  if (code === 'EACCES') return `Not allowed to listen on port ${port}: set PORT to a port above 1023`;
  return `Could not listen on port ${port}: ${error instanceof Error ? error.message : String(error)}`;
}

/** The drain itself is the application's own first shutdown step (lifecycle/drain.ts); this bounds it. */
async function stop(running: NestExpressApplication, signal: string, config: AppConfig): Promise<void> {
  setTimeout(() => {
    logger.error(`Still not stopped ${config.shutdownTimeoutMs} ms after ${signal}: exiting anyway`);
    exit(1);
  }, config.shutdownTimeoutMs).unref();
  // Nest's close passes the signal on to the shutdown hooks; its interface type omits the parameter.
  await (running as { close(signal?: string): Promise<void> }).close(signal);
  logger.log('Stopped');
  exit(0);
}

function exit(code: number): never {
  flushLogs();
  process.exit(code);
}

bootstrap().catch(async (error: unknown) => {
  logger.error(error instanceof Error ? error.message : `Could not start: ${String(error)}`);
  // What did start (an embedded PostgreSQL, the pool) is stopped rather than left behind.
  await app?.close().catch(() => undefined);
  exit(1);
});
