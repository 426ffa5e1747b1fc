import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { Express, Request, Response } from 'express';
import helmet from 'helmet';

/** Where `npm run build` puts the console (vite build of console/): beside dist/, which nest build empties. */
export const CONSOLE_FOLDER = resolve(__dirname, '..', '..', 'dist-console');

/** The console's own pages (client-side routes): each answers its index.html. */
const CONSOLE_PAGES = ['/', '/sessions/:id', '/join/:code'];

/**
 * The console's pages run no inline script or style, so they get helmet's strict defaults rather
 * than the looser policy the OpenAPI UI needs. No upgrade-insecure-requests: the console must also
 * load over plain http from an address that is not localhost (a GM's laptop on the table's network).
 */
const consolePolicy = helmet.contentSecurityPolicy({
  directives: { styleSrc: ["'self'"], upgradeInsecureRequests: null },
});

/**
 * Serves the built console at `/`: its hashed assets under /assets/ and its pages. Returns false,
 * serving nothing, when it has not been built: `/` then answers the usual 404 problem.
 */
export function serveConsole(app: NestExpressApplication, folder = CONSOLE_FOLDER): boolean {
  const index = join(folder, 'index.html');
  if (!existsSync(index)) return false;
  app.useStaticAssets(join(folder, 'assets'), { prefix: '/assets/', immutable: true, maxAge: '365d', index: false });
  const express: Express = app.getHttpAdapter().getInstance();
  for (const page of CONSOLE_PAGES) {
    express.get(page, (request: Request, response: Response) =>
      consolePolicy(request, response, () => response.sendFile(index, { headers: { 'Cache-Control': 'no-cache' } })),
    );
  }
  return true;
}
