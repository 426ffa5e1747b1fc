import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Module, RequestMethod } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { destination } from 'pino';
import { AppConfig } from '../config/app-config';
import { AuditContextInterceptor, auditOf } from './audit-context.interceptor';

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** Standard output, buffered for speed: a process that is about to exit flushes it first (`flushLogs`). */
const logLines = destination({ dest: 1, sync: false });
export const flushLogs = (): void => logLines.flushSync();

// pino-http gives every request its `id`.
type Request = IncomingMessage & { user?: { id: string }; originalUrl?: string };

/**
 * Structured JSON logs (pino): one line per request with its request id (X-Request-Id, taken from
 * the caller when sane), the acting user, the session, the action and its outcome (`ok` or the
 * problem code). Headers are never logged, so neither is a token.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // nestjs-pino's default ('*') is the pre-Nest-11 wildcard, which Nest 11 converts with a warning at every start.
        forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
        pinoHttp: [
          {
            level: config.logLevel,
            genReqId: (req: IncomingMessage, res: ServerResponse) => {
              const given = req.headers['x-request-id'];
              const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
              res.setHeader('X-Request-Id', id);
              return id;
            },
            autoLogging: { ignore: (req: IncomingMessage) => req.url?.startsWith('/health/') ?? false },
            customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) =>
              error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
            customProps: (req: Request, res: ServerResponse) =>
              res.writableEnded ? { userId: req.user?.id, ...auditOf(res) } : {},
            serializers: {
              req: (req: Request) => ({ id: req.id, method: req.method, url: req.originalUrl ?? req.url }),
              res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
            },
          },
          logLines,
        ],
      }),
    }),
  ],
  providers: [{ provide: APP_INTERCEPTOR, useClass: AuditContextInterceptor }],
})
export class LoggingModule {}
