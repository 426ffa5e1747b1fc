import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { PublicRoutes } from '../auth/public-routes';
import { PROBLEM_CODES, problemTypeUri } from '../contract/problems';
import { problemResponse } from './api-problems.decorator';
import { requestIdHeader } from './response-headers';

/** Where the OpenAPI UI and its JSON are served, under the API prefix. */
export function serveApiDocs(app: INestApplication, prefix: string): void {
  app.get(PublicRoutes).openPath(`/${prefix}/docs`);
  app.get(PublicRoutes).openPath(`/${prefix}/docs-json`);
  SwaggerModule.setup(`${prefix}/docs`, app, () => apiDocument(app), { jsonDocumentUrl: `${prefix}/docs-json` });
}

const TAGS: Record<string, string> = {
  'game-sessions': 'Sessions, their roster and their history. Every route needs a bearer token.',
  invitations: 'Invitation links: the Game Master hands them out; whoever follows one takes a seat. Every route needs a bearer token.',
  health: 'Probes for a load balancer or an orchestrator. No token.',
  console: 'What the browser console at / needs to know about this instance. No token.',
  development: 'Only outside production and only where this server signs the tokens itself. No token.',
};

export function apiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(app, openApiInfo());
  const operations = Object.values(document.paths).flatMap((path) => Object.values(path) as { tags?: string[]; responses: object }[]);
  // Only the tags of routes this instance has: the development route is absent in production.
  const used = new Set(operations.flatMap((operation) => operation.tags ?? []));
  document.tags = Object.entries(TAGS)
    .filter(([name]) => used.has(name))
    .map(([name, description]) => ({ name, description }));
  // No operation can answer it (a generated client sends no undocumented method), but any path can.
  const { status: _status, ...methodNotAllowed } = problemResponse(405, ['METHOD_NOT_ALLOWED'], ['Allow']);
  document.components = { ...document.components, responses: { MethodNotAllowed: methodNotAllowed } };
  const responses = [...operations.flatMap((operation) => Object.entries(operation.responses)), ['405', methodNotAllowed]];
  for (const [status, response] of responses as [string, { headers?: object }][]) {
    response.headers = { ...response.headers, 'X-Request-Id': requestIdHeader(Number(status) < 400) };
  }
  // Proprietary: a name, and no licence text to link to.
  document.info.license = { name: 'UNLICENSED' };
  return document;
}

function openApiInfo() {
  const codes = Object.entries(PROBLEM_CODES)
    .map(([code, [status, meaning]]) => `| \`${code}\` | ${status} | \`${problemTypeUri(code)}\` | ${meaning} |`)
    .join('\n');
  return new DocumentBuilder()
    .setTitle('Game session roster')
    .setVersion('1')
    .setDescription(
      'Who sits at a game table, under the rules of the table. Every route under /api needs ' +
        '`Authorization: Bearer <JWT>` (HS256 with the server\'s JWT_SECRET, or RS256 by a key of JWT_JWKS_URL; `sub` = user UUID, ' +
        '`exp` required), except those whose `security` is empty.\n\n' +
        'Request bodies are JSON. Every refusal is an RFC 9457 problem document (`application/problem+json`) with a stable `code`; ' +
        'a path asked with a method it does not have answers 405 `METHOD_NOT_ALLOWED` with `Allow` (`#/components/responses/MethodNotAllowed`), ' +
        'an unknown path 404 `ROUTE_NOT_FOUND`:\n\n' +
        '| code | status | type | meaning |\n|---|---|---|---|\n' +
        codes,
    )
    .addServer('/', 'This service: the origin that serves this document.')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
}
