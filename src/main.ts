import 'reflect-metadata';
import { ConsoleLogger, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { AppConfig } from './config/app-config';

async function bootstrap(): Promise<void> {
  const production = process.env.NODE_ENV === 'production';
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    logger: new ConsoleLogger({ json: production, colors: !production && Boolean(process.stdout.isTTY) }),
  });
  await configureApp(app);
  const config = app.get(AppConfig);
  await app.listen(config.port);
  const logger = new Logger('Bootstrap');
  const url = (await app.getUrl()).replace('[::1]', 'localhost');
  logger.log(`Serving on ${url}/api (OpenAPI: ${url}/api/docs)`);
  if (config.jwtSecretSource === 'file') {
    logger.warn('JWT_SECRET is not set: using a development secret kept in .data/dev-jwt-secret.');
    logger.warn('Mint a token for local use with: npm run -s token -- <user-uuid>');
  }
}

bootstrap().catch((error: unknown) => {
  new Logger('Bootstrap').error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
