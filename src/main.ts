import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoLogger } from 'nestjs-pino';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { AppConfig, loadAppConfig } from './config/app-config';

const logger = new Logger('Bootstrap');

async function bootstrap(): Promise<void> {
  const config = loadAppConfig();
  const app = await NestFactory.create<NestExpressApplication>(AppModule.of(config), { bufferLogs: true });
  app.useLogger(app.get(PinoLogger));
  await configureApp(app);
  await app.listen(config.port);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void stop(app, signal, config));
  const url = (await app.getUrl()).replace('[::1]', 'localhost');
  logger.log(`Serving on ${url}: the console at ${url}/, the API at ${url}/api (OpenAPI: ${url}/api/docs)`);
  if (config.jwtSecretSource === 'file') {
    logger.warn('JWT_SECRET is not set: using a development secret kept in .data/dev-jwt-secret.');
    logger.warn('Mint a token for local use with: npm run -s token -- <user-uuid>');
  }
}

/** The drain itself is the application's own first shutdown step (lifecycle/drain.ts); this bounds it. */
async function stop(app: NestExpressApplication, signal: string, config: AppConfig): Promise<void> {
  setTimeout(() => {
    logger.error(`Still not stopped ${config.shutdownTimeoutMs} ms after ${signal}: exiting anyway`);
    process.exit(1);
  }, config.shutdownTimeoutMs).unref();
  // Nest's close passes the signal on to the shutdown hooks; its interface type omits the parameter.
  await (app as { close(signal?: string): Promise<void> }).close(signal);
  logger.log('Stopped');
  process.exit(0);
}

bootstrap().catch((error: unknown) => {
  logger.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
