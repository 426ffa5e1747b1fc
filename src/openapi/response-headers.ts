import type { HeaderObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/** The response headers this service sends, as the OpenAPI document declares them wherever they are sent. */
export const RESPONSE_HEADERS = {
  ETag: {
    required: true,
    description: 'The session\'s version as a strong entity tag ("<version>"): If-Match for the next change, If-None-Match to revalidate.',
    schema: { type: 'string', pattern: '^"(0|[1-9][0-9]*)"$', example: '"3"' },
  },
  Location: {
    required: true,
    description: 'The path of what this request created.',
    schema: { type: 'string', format: 'uri-reference' },
  },
  'Idempotent-Replayed': {
    required: false,
    description: 'Present on a replay: the stored response of the first request with this Idempotency-Key.',
    schema: { type: 'string', enum: ['true'] },
  },
  'Retry-After': {
    required: true,
    description: 'Seconds to wait before trying again.',
    schema: { type: 'integer', minimum: 0 },
  },
  'WWW-Authenticate': {
    required: true,
    description: 'The scheme a token is expected in.',
    schema: { type: 'string', enum: ['Bearer'] },
  },
  Allow: {
    required: true,
    description: 'The methods the path has, comma-separated.',
    schema: { type: 'string', example: 'GET, PATCH' },
  },
} as const satisfies Record<string, HeaderObject>;

export type ResponseHeaderName = keyof typeof RESPONSE_HEADERS;

/** The named headers, as a response's `headers` object. */
export function responseHeaders(...names: ResponseHeaderName[]): Record<string, HeaderObject> {
  return Object.fromEntries(names.map((name) => [name, RESPONSE_HEADERS[name]]));
}

/**
 * Set on every request that reaches the router (logging/); a request refused before it, by the
 * address rate limit or the body reader, is answered without one. So: required on successes only.
 */
export const requestIdHeader = (required: boolean): HeaderObject => ({
  required,
  description: "The request's id in the logs: the caller's X-Request-Id when it is 1 to 128 of [A-Za-z0-9_.:-], else a new UUID.",
  schema: { type: 'string' },
});
