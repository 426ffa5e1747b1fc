import { Logger, RequestMethod } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { PublicRoutes } from './auth/public-routes';
import { answerClientErrors } from './common/client-errors';
import { boundRequestTimes } from './common/http-timeouts';
import { answerEveryRequest } from './common/upgrades';
import { limitByAddress } from './common/rate-limit/address-rate-limit';
import { RateLimits } from './common/rate-limit/rate-limits';
import { refuseBodiesOtherThanJson } from './common/request-body/json-only';
import { refuseUnreadableBodies } from './common/request-body/readable-body';
import { AppConfig } from './config/app-config';
import { CONSOLE_FOLDER, serveConsole } from './console/serve-console';
import { Database } from './database/database';
import { ClusterIoAdapter } from './cluster/cluster-io.adapter';
import { serveApiDocs } from './openapi/api-document';

export const API_PREFIX = 'api';
export const REQUEST_BODY_LIMIT = '16kb';

/** Everything about the HTTP and socket surface that is not a module: shared by main.ts and the tests. */
export async function configureApp(app: NestExpressApplication): Promise<NestExpressApplication> {
  const config = app.get(AppConfig);
  app.disable('x-powered-by');
  answerClientErrors(app.getHttpServer());
  boundRequestTimes(app.getHttpServer(), config.http);
  answerEveryRequest(app.getHttpServer());
  if (config.trustProxy !== undefined) app.set('trust proxy', config.trustProxy);
  app.use(
    helmet({
      // The API answers JSON only; the OpenAPI UI at /api/docs needs its own inline script and styles.
      // The console's pages tighten this (serve-console.ts).
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", "'unsafe-inline'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          // Served over plain http on a LAN address, an upgrade would send the UI's assets to https that is not there.
          upgradeInsecureRequests: null,
        },
      },
    }),
  );
  app.enableCors(corsOptions(config.corsOrigins));
  // Before the body parsers and the token check, so that neither lets a flood through unlimited.
  app.use(limitByAddress(app.get(RateLimits), app.get(PublicRoutes)));
  if (!serveConsole(app)) new Logger('Console').warn(`The console is not built (${CONSOLE_FOLDER} is missing): npm run build builds it`);
  // Express's body-hash ETag would promise a validator the API does not honour on writes.
  app.set('etag', false);
  // Nest's own parsers are off (`bodyParser: false` where the app is created): JSON is the only one.
  app.useBodyParser('json', { limit: REQUEST_BODY_LIMIT });
  app.use(refuseBodiesOtherThanJson, refuseUnreadableBodies);
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
    ],
  });
  app.useWebSocketAdapter(
    await ClusterIoAdapter.connect(app, {
      redisUrl: config.redisUrl,
      databaseUrl: app.get(Database).url,
      cors: corsOptions(config.corsOrigins),
    }),
  );
  serveApiDocs(app, API_PREFIX);
  return app;
}

/** Only the configured browser origins; the headers a client needs for retries and concurrency. */
export function corsOptions(origins: readonly string[]) {
  return {
    origin: [...origins],
    allowedHeaders: ['Authorization', 'Content-Type', 'If-Match', 'If-None-Match', 'Idempotency-Key', 'X-Request-Id'],
    exposedHeaders: ['ETag', 'Location', 'Retry-After', 'Allow', 'Idempotent-Replayed', 'X-Request-Id'],
    maxAge: 600,
  };
}
