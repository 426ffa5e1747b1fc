import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { Request } from 'express';
import type { ExpectedVersions } from '../application/game-sessions.service';

/** A session's entity tag: its version, quoted. */
export const sessionETag = (version: number): string => `"${version}"`;

/**
 * The versions an If-Match header accepts: undefined without one (or with `*`); otherwise the
 * versions of its strong tags. A weak or foreign tag matches nothing, as RFC 9110 has it; a tag is
 * opaque text, so only the one sessionETag writes ("1", never "01") names a version.
 */
export function parseIfMatch(header: string | undefined): ExpectedVersions {
  if (header === undefined || header.trim() === '*') return undefined;
  return header
    .split(',')
    .map((tag) => /^"(0|[1-9]\d{0,14})"$/.exec(tag.trim())?.[1])
    .filter((version): version is string => version !== undefined)
    .map(Number);
}

/**
 * Whether an If-None-Match header names the tag: by weak comparison, as RFC 9110 §13.1.2 has it for
 * If-None-Match (W/"3" names "3"), and `*` names any.
 */
export function ifNoneMatchNames(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => opaque(tag) === opaque(etag));
}

export const IfMatch = createParamDecorator(
  (_data: unknown, context: ExecutionContext): ExpectedVersions =>
    parseIfMatch(context.switchToHttp().getRequest<Request>().headers['if-match']),
);
