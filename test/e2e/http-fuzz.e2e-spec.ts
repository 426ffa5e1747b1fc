/**
 * HTTP fuzz (hardening issue): thousands of generated requests — malformed path ids, bodies, headers,
 * tokens, query strings and oversized inputs — against every route of the real app on real
 * PostgreSQL. For every one: no 5xx; every refusal an exact RFC 9457 problem document that leaks no
 * stack trace and no SQL; a 2xx on one session's route only for a token of a current participant
 * (the Game Master where only the GM may act); Object.prototype never polluted.
 *
 * Reproduce a failure: fast-check prints `{ seed, path }` in the error, and the seeds of the run are
 * printed at the end; `FUZZ_SEED=<seed> npx jest --selectProjects e2e --testPathPatterns http-fuzz`
 * replays the same requests (given the same fixtures). `FUZZ_COLLECT=1` logs every violation
 * instead of failing at the first, to survey them all in one run; `FUZZ_SHRINK=0` skips shrinking.
 */
import fc from 'fast-check';
import type { Arbitrary } from 'fast-check';
import { createHmac } from 'node:crypto';
import { METHODS, request as rawHttpRequest } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { sign } from 'jsonwebtoken';
import request from 'supertest';
import { RosterApi } from '../support/roster-api';
import { startTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';
import { TEST_JWT_SECRET, newUserId, tokenFor } from '../support/tokens';

import { UUID_PATTERN as UUID } from '../../src/contract/uuid';
const PROBLEM_TYPE = /^urn:game-session-roster:problem:[a-z-]+$/;
const PROBLEM_KEYS = ['code', 'detail', 'status', 'title', 'type'];
/** The one extension member the contract gives a problem, by code. */
const PROBLEM_EXTENSIONS: Record<string, string> = { REMOVED_FROM_SESSION: 'removal' };
const STACK_TRACE = /\bat [^\s()]+ \(|\bat \/|\/(?:src|node_modules|dist|work)\/|\.[jt]s:\d+/;
const SQL = /\b(?:SELECT|INSERT|UPDATE|DELETE)\b|relation|column|syntax error|QueryFailedError/i;
const BODY_LIMIT = 16 * 1024;
/** Heads over Node's 16 KiB limit are the protocol property's (431); the other properties stay below it, in sum. */
const MAX_AUTH_LENGTH = 5000;
const BASE_SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const COLLECT = process.env.FUZZ_COLLECT === '1';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT' | 'HEAD' | 'OPTIONS' | 'TRACE' | 'PURGE' | 'PROPFIND';
type Role = 'gm' | 'player' | 'assistant' | 'guest' | 'removed' | 'outsider';
type SessionRouteKind = 'get' | 'events' | 'patch' | 'add' | 'remove';

interface Fixture {
  readonly id: string;
  readonly status: string;
  readonly users: Record<Exclude<Role, 'outsider'>, string>;
}

interface Auth {
  /** The Authorization header as sent; undefined: none. */
  readonly header?: string;
  /** The user the token names, when the server may accept it. */
  readonly requester?: string;
  /** The server must refuse this token (expired, bad signature, no exp, a sub that is no UUID, …). */
  readonly mustFail: boolean;
}

interface Body {
  readonly bytes?: Buffer;
  readonly contentType?: string;
  readonly contentEncoding?: string;
  /** The body's text before any compression: what the server may legitimately echo (field names). */
  readonly text?: string;
  /** Bytes the server reads after decompression. */
  readonly decodedLength: number;
}

interface FuzzRequest {
  readonly family: string;
  readonly method: Method;
  /** Exactly as sent on the request line: ASCII, percent-encoded, with its query. */
  readonly path: string;
  readonly auth: Auth;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Body;
}

interface Exchange {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
  readonly via: 'supertest' | 'raw';
}

interface SessionRoute {
  readonly kind: SessionRouteKind;
  readonly sessionId?: string;
  readonly targetUserId?: string;
}

interface Before {
  readonly ownerId?: string;
  readonly isParticipant: boolean;
}

// ---------------------------------------------------------------------------------------------------
// Encoding helpers

const UNRESERVED = /^[A-Za-z0-9\-._~]$/;
const hex = (byte: number) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
/** Percent-encodes the UTF-8 bytes of any string (lone surrogates become U+FFFD). */
const pct = (s: string): string =>
  [...Buffer.from(s, 'utf8')].map((b) => (UNRESERVED.test(String.fromCharCode(b)) ? String.fromCharCode(b) : hex(b))).join('');
const safeDecode = (s: string): string | undefined => {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
};
const json = (value: unknown): string => {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch {
    return 'null';
  }
};
/** An object's JSON written by hand, so that keys like `__proto__` arrive as own properties. */
const objectText = (entries: readonly (readonly [string, unknown])[]): string =>
  `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${json(v)}`).join(',')}}`;
const b64url = (text: string | Buffer) => Buffer.from(text).toString('base64url');
function signRaw(headerText: string, payloadText: string, secret = TEST_JWT_SECRET): string {
  const unsigned = `${b64url(headerText)}.${b64url(payloadText)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}
const now = () => Math.floor(Date.now() / 1000);
/** How fast-check prints a value in a counterexample: a summary rather than every byte of a 64 KiB head. */
function shown<T extends object>(value: T, show: (v: T) => string): T {
  Object.defineProperty(value, fc.toStringMethod, { value: () => show(value), enumerable: false });
  return value;
}

// ---------------------------------------------------------------------------------------------------
// Generic arbitraries

/** Characters Node lets a header value carry: tab, printable ASCII, and latin-1 bytes. */
const headerChar = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0x20, max: 0x7e }) },
  { weight: 1, arbitrary: fc.constantFrom(0x09, ...Array.from({ length: 0x80 }, (_, i) => 0x80 + i)) },
).map((c) => String.fromCharCode(c));
const headerText = (maxLength = 120) => fc.string({ unit: headerChar, maxLength });
const asciiPrintable = fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c));
const bigDigits = fc.integer({ min: 16, max: 400 }).map((n) => '9'.repeat(n));
const anyText = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
);
const hugeString = fc
  .tuple(fc.integer({ min: 200, max: 15_000 }), fc.constantFrom('x', 'é', '𝄞', ' ', '\u0000', '"', '\\', '\u202e'))
  .map(([n, c]) => c.repeat(Math.ceil(n / c.length)));
const wrongValue: Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('', ' ', '\t\n', 'null', 'undefined', 'NaN', '[object Object]', '0'),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  fc.constant({ __proto__: null, toString: 'x' }),
  anyText,
  hugeString,
  fc.uuid(),
);
const pollutionKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'isPrototypeOf'];
const pollutionValue: Arbitrary<unknown> = fc.oneof(
  fc.constant({ polluted: 'yes' }),
  fc.constant({ prototype: { polluted: 'yes' } }),
  fc.constant(JSON.parse('{"__proto__":{"polluted":"yes"}}') as unknown),
  wrongValue,
);

/** Ids for a path segment: real sessions, random UUIDs, and everything that is not one. */
function pathIdArb(realIds: Arbitrary<string>): Arbitrary<string> {
  const rawByte = fc.oneof(
    fc.integer({ min: 0, max: 255 }).map(hex),
    fc.constantFrom('%FF', '%00', '%2F', '%2f', '%2E', '%2e%2e', '%', '%G1', '%2', '%C0%AF', '%E2%80%AE', '%F0%9F', '%ED%A0%80'),
    fc.constantFrom('.', '..', ';', ',', '@', ':', '!', '$', "'", '(', ')', '*', '+', '=', '~', '-', '_', '#', '?', '&', '\\', '|', '^', '[', ']'),
    asciiPrintable.filter((c) => c !== '/'),
  );
  return fc.oneof(
    { weight: 6, arbitrary: realIds },
    { weight: 2, arbitrary: realIds.map((id) => id.toUpperCase()) },
    { weight: 4, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.uuid({ version: [1, 2, 3, 4, 5, 6, 7, 8, 15] }).map((id) => id.toUpperCase()) },
    {
      weight: 3,
      arbitrary: fc.oneof(
        realIds.map((id) => `${id}%20`),
        realIds.map((id) => `{${id}}`),
        realIds.map((id) => id.replace(/-/g, '')),
        realIds.map((id) => `${id}x`),
        realIds.map((id) => id.slice(1)),
        realIds.map((id) => `${id};a=b`),
        realIds.map((id) => `${id}%00`),
        realIds.map((id) => id.replace(/[0-9a-f]/, 'g')),
        realIds.map((id) => [...id].map((c) => hex(c.charCodeAt(0))).join('')),
        realIds.map((id) => `${id}%2F..`),
        realIds.map((id) => `${id}.json`),
      ),
    },
    { weight: 4, arbitrary: anyText.filter((s) => s.length > 0).map(pct) },
    { weight: 4, arbitrary: fc.array(rawByte, { minLength: 1, maxLength: 40 }).map((parts) => parts.join('')) },
    { weight: 2, arbitrary: fc.constantFrom('..', '.', '%2F', '%2e%2e', '..%2F..%2F..%2Fetc%2Fpasswd', 'null', 'undefined', '0', '-1', 'NaN', '%20', 'true', '[]', '{}') },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.integer({ min: 1000, max: 3500 }), fc.constantFrom('a', '0', '-', 'f', '9'))
        .map(([n, c]) => c.repeat(n)),
    },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 100, maxLength: 300 }).map(pct) },
  );
}

/** An HTTP/1.1 answer as it came on the wire, interim answers skipped; undefined when none came. */
function parseResponse(whole: Buffer): Exchange | undefined {
  let raw = whole;
  // Skip interim answers (100 Continue): the final one follows.
  while (/^HTTP\/1\.[01] 1\d\d /.test(raw.toString('latin1', 0, 16)) && raw.indexOf('\r\n\r\n') >= 0) raw = raw.subarray(raw.indexOf('\r\n\r\n') + 4);
  const text = raw.toString('latin1');
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(text);
  const end = text.indexOf('\r\n\r\n');
  if (!status || end < 0) return undefined;
  const headers: IncomingHttpHeaders = {};
  for (const line of text.slice(0, end).split('\r\n').slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  let body = raw.subarray(end + 4);
  if (/chunked/i.test(String(headers['transfer-encoding']))) {
    const parts: Buffer[] = [];
    for (let at = 0; at < body.length; ) {
      const eol = body.indexOf('\r\n', at);
      const size = parseInt(body.subarray(at, eol).toString('latin1'), 16);
      if (eol < 0 || !(size > 0)) break;
      parts.push(body.subarray(eol + 2, eol + 2 + size));
      at = eol + 2 + size + 2;
    }
    body = Buffer.concat(parts);
  } else if (headers['content-length'] !== undefined) body = body.subarray(0, Number(headers['content-length']));
  return { status: Number(status[1]), headers, text: body.toString('utf8'), via: 'raw' };
}
// ---------------------------------------------------------------------------------------------------

describe('HTTP fuzz: malformed ids, bodies, headers, tokens and oversized inputs against every route', () => {
  let t: TestApp;
  let port: number;
  const fixtures: Fixture[] = [];
  const stats = {
    requests: 0,
    byStatus: new Map<number, number>(),
    byFamily: new Map<string, number>(),
    startedAt: Date.now(),
    fuzzStartedAt: Date.now(),
    seeds: new Map<string, number>(),
    observations: new Map<string, { count: number; example: string }>(),
    violations: new Map<string, { count: number; example: string }>(),
  };

  beforeAll(async () => {
    stats.startedAt = Date.now();
    t = await startTestApp();
    port = Number(new URL(t.url).port);
    // Six sessions, one in each status, each with a Player, an Assistant, a Guest and a removed user.
    const moves: Record<string, string[]> = {
      Draft: [],
      Scheduled: ['Scheduled'],
      InProgress: ['Scheduled', 'InProgress'],
      Paused: ['Scheduled', 'InProgress', 'Paused'],
      Finished: ['Scheduled', 'InProgress', 'Finished'],
      Cancelled: ['Cancelled'],
    };
    for (const [status, path] of Object.entries(moves)) {
      const gm = new RosterApi(t.http, newUserId());
      const { session, ids } = await gm.sessionWith('Player', 'Assistant', 'Guest', 'Player');
      const [player, assistant, guest, removed] = ids;
      await gm.removeParticipant(session.id, removed).expect(200);
      for (const next of path) await gm.changeStatus(session.id, next).expect(200);
      fixtures.push({ id: session.id, status, users: { gm: gm.userId, player, assistant, guest, removed } });
    }
    stats.fuzzStartedAt = Date.now();
  }, 60_000);

  afterAll(async () => {
    const seconds = ((Date.now() - stats.startedAt) / 1000).toFixed(1);
    const fuzzSeconds = ((Date.now() - stats.fuzzStartedAt) / 1000).toFixed(1);
    const histogram = [...stats.byStatus.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}: ${n}`);
    const families = [...stats.byFamily.entries()].map(([f, n]) => `${f}: ${n}`);
    const describeMap = (m: Map<string, { count: number; example: string }>) =>
      [...m.entries()].map(([k, { count, example }]) => `  - ${k} (x${count})\n      e.g. ${example}`).join('\n') || '  none';
    console.log(
      [
        `HTTP fuzz: ${stats.requests} requests in ${fuzzSeconds} s (${seconds} s with app start and fixtures)`,
        `status histogram: { ${histogram.join(', ')} }`,
        `requests per property: { ${families.join(', ')} }`,
        `seeds: { ${[...stats.seeds.entries()].map(([f, s]) => `${f}: ${s}`).join(', ')} } (FUZZ_SEED=${BASE_SEED})`,
        `violations:\n${describeMap(stats.violations)}`,
        `observations (not failures):\n${describeMap(stats.observations)}`,
      ].join('\n'),
    );
    await t?.close();
  }, 60_000);

  // -------------------------------------------------------------------------------------------------
  // Who is who

  const sessionIndex = () => fc.nat({ max: fixtures.length - 1 });
  const realSessionId = () => sessionIndex().map((i) => fixtures[i].id);
  const ROLES: readonly Role[] = ['gm', 'player', 'assistant', 'guest', 'removed', 'outsider'];
  const roleArb = fc.constantFrom<Role>(...ROLES);
  const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
  const userOf = (session: number, role: Role, outsider: string): string =>
    role === 'outsider' ? outsider : fixtures[session].users[role];

  /** Every kind of Authorization header, with what the server must make of it. */
  function authArb(): Arbitrary<Auth> {
    const subject = fc.tuple(sessionIndex(), roleArb, fc.uuid()).map(([s, r, o]) => userOf(s, r, o));
    const valid = subject.map((user): Auth => ({ header: `Bearer ${tokenFor(user)}`, requester: user, mustFail: false }));
    const signedClaims = fc
      .record({
        sub: fc.oneof(
          { weight: 4, arbitrary: subject },
          { weight: 1, arbitrary: subject.map((u) => u.toUpperCase()) },
          { weight: 2, arbitrary: wrongValue },
          { weight: 1, arbitrary: subject.map((u) => ` ${u}`) },
        ),
        exp: fc.oneof(
          { weight: 4, arbitrary: fc.integer({ min: 120, max: 100_000 }).map((d) => now() + d) },
          { weight: 1, arbitrary: fc.integer({ min: 60, max: 10 ** 9 }).map((d) => now() - d) },
          { weight: 1, arbitrary: fc.constantFrom(1e308, -1, 0, 2 ** 53, Number.MAX_SAFE_INTEGER + 2) },
          { weight: 1, arbitrary: wrongValue },
          { weight: 1, arbitrary: fc.constant(undefined) },
        ),
        nbf: fc.oneof(
          { weight: 4, arbitrary: fc.constant(undefined) },
          { weight: 1, arbitrary: fc.integer({ min: 3600, max: 10 ** 8 }).map((d) => now() + d) },
          { weight: 1, arbitrary: wrongValue },
        ),
        name: fc.oneof(fc.constant(undefined), anyText, hugeString.map((s) => s.slice(0, 3000)), wrongValue),
        extra: fc.array(fc.tuple(fc.constantFrom(...pollutionKeys, 'iat', 'aud', 'iss', 'jti'), pollutionValue), { maxLength: 2 }),
        headerText: fc.oneof(
          { weight: 6, arbitrary: fc.constant('{"alg":"HS256","typ":"JWT"}') },
          {
            weight: 1,
            arbitrary: fc.constantFrom(
              '{"alg":"HS256"}',
              '{"alg":"HS256","kid":"../../../../dev/null"}',
              '{"alg":"HS256","crit":["exp"]}',
              '{"alg":"HS256","typ":"JWT","__proto__":{"alg":"none"}}',
            ),
          },
          { weight: 1, arbitrary: fc.constantFrom('{"alg":"hs256"}', '{"alg":"HS384"}', '{"alg":"none"}', '{"alg":null}', '{}', '[]', '"HS256"', 'not json') },
        ),
      })
      .map(({ sub, exp, nbf, name, extra, headerText }): Auth => {
        const entries: [string, unknown][] = [['sub', sub]];
        if (exp !== undefined) entries.push(['exp', exp]);
        if (nbf !== undefined) entries.push(['nbf', nbf]);
        if (name !== undefined) entries.push(['name', name]);
        entries.push(...extra);
        const subOk = typeof sub === 'string' && UUID.test(sub);
        // A crit header names extensions this service does not understand: RFC 7515 has it refused.
        const hs256 = /^\{"alg":"HS256"/.test(headerText) && !headerText.includes('"crit"');
        const expOk = typeof exp === 'number' && exp > now() + 30;
        const nbfOk = nbf === undefined || (typeof nbf === 'number' && nbf < now());
        return {
          header: `Bearer ${signRaw(headerText, objectText(entries))}`,
          requester: subOk ? (sub as string).toLowerCase() : undefined,
          mustFail: !(subOk && hs256 && expOk && nbfOk),
        };
      });
    const refused = (header: string | undefined): Auth => ({ header, mustFail: true });
    const bad = fc.oneof(
      fc.constant(refused(undefined)),
      headerText().map(refused),
      headerText().map((s) => refused(`Bearer ${s}`)),
      fc.constantFrom('Bearer', 'Bearer ', 'Bearer  ', 'bearer', 'Bearer null', 'Bearer undefined', 'Bearer ...', 'Bearer a.b.c', 'Basic Zm9vOmJhcg==', 'Token x').map(refused),
      fc.tuple(fc.base64String({ maxLength: 80 }), fc.base64String({ maxLength: 200 }), fc.base64String({ maxLength: 60 })).map(([a, b, c]) => refused(`Bearer ${a}.${b}.${c}`)),
      subject.map((u) => refused(`Bearer ${sign({ sub: u, exp: now() - 30 }, TEST_JWT_SECRET)}`)),
      subject.map((u) => refused(`Bearer ${tokenFor(u, 'another-secret-another-secret-another-secret')}`)),
      subject.map((u) => refused(`Bearer ${b64url('{"alg":"none","typ":"JWT"}')}.${b64url(JSON.stringify({ sub: u, exp: now() + 600 }))}.`)),
      subject.map((u) => refused(`Bearer ${sign({ sub: u }, TEST_JWT_SECRET, { algorithm: 'HS512', expiresIn: 600 })}`)),
      subject.map((u) => refused(`Bearer ${sign({ sub: u }, TEST_JWT_SECRET)}`)),
      subject.map((u) => refused(`Bearer ${sign({ sub: u, exp: now() + 600, nbf: now() + 3600 }, TEST_JWT_SECRET)}`)),
      subject.map((u) => refused(`Basic ${tokenFor(u)}`)),
      subject.map((u) => refused(`Bearer ${tokenFor(u).slice(0, -2)}`)),
      subject.map((u) => refused(`Bearer ${tokenFor(u).replace(/\.[^.]*$/, '.')}`)),
      fc.integer({ min: 1000, max: 4900 }).map((n) => refused(`Bearer ${'A'.repeat(n)}`)),
      fc.integer({ min: 1000, max: 4500 }).map((n) => refused(`Bearer ${'eyJ'.repeat(n / 3)}.${'a'.repeat(100)}.x`)),
    );
    // Tokens that passport may or may not read: the server may accept them for their user, never for another.
    const oddHeaders: ((u: string) => string)[] = [
      (u) => `bearer ${tokenFor(u)}`,
      (u) => `BEARER ${tokenFor(u)}`,
      (u) => `Bearer  ${tokenFor(u)}`,
      (u) => `Bearer ${tokenFor(u)} junk`,
      (u) => `Bearer\t${tokenFor(u)}`,
      (u) => `Bearer ${sign({ sub: u, name: 'x'.repeat(3000) }, TEST_JWT_SECRET, { expiresIn: 600 })}`,
      (u) => `Bearer ${sign({ sub: u.toUpperCase() }, TEST_JWT_SECRET, { expiresIn: 600 })}`,
    ];
    const odd = fc
      .tuple(subject, fc.nat({ max: oddHeaders.length - 1 }))
      .map(([u, i]): Auth => ({ header: oddHeaders[i](u), requester: u, mustFail: false }));
    // Heads stay under Node's 16 KiB limit here: what lies beyond it is the protocol property's.
    return fc
      .oneof({ weight: 6, arbitrary: valid }, { weight: 3, arbitrary: signedClaims }, { weight: 4, arbitrary: bad }, { weight: 1, arbitrary: odd })
      .filter((auth) => (auth.header?.length ?? 0) <= MAX_AUTH_LENGTH);
  }

  /**
   * Mostly a valid token of one of the session's own people (or an outsider), sometimes anything:
   * resolved once the session is known, so that arbitraries compose without `chain` and shrink well.
   */
  function authForSession(): Arbitrary<(session: number) => Auth> {
    return fc.oneof(
      {
        weight: 3,
        arbitrary: fc.tuple(roleArb, fc.uuid()).map(([role, outsider]) => (session: number): Auth => {
          const user = userOf(session, role, outsider);
          return { header: `Bearer ${tokenFor(user)}`, requester: user, mustFail: false };
        }),
      },
      { weight: 2, arbitrary: authArb().map((auth) => (): Auth => auth) },
    );
  }

  const ifMatchArb: Arbitrary<string | undefined> = fc.oneof(
    { weight: 6, arbitrary: fc.constant(undefined) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('*', '"1"', '"2"', '"7"', 'W/"1"', '"0"', '"-1"', '"1e3"', '""', '"', '1', '*, "1"', '"999999999999999"', '"9999999999999999999999"', ' , ,', 'W/*'),
    },
    { weight: 1, arbitrary: fc.array(fc.nat({ max: 20 }).map((n) => `"${n}"`), { maxLength: 40 }).map((tags) => tags.join(', ')) },
    { weight: 1, arbitrary: headerText() },
    { weight: 1, arbitrary: fc.integer({ min: 1000, max: 2500 }).map((n) => `"${'9'.repeat(n)}"`) },
  );
  const acceptArb: Arbitrary<string | undefined> = fc.oneof(
    { weight: 4, arbitrary: fc.constant(undefined) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('application/xml', 'text/html', '*/*', 'application/problem+json', 'application/json;q=0', 'image/png', '', ';;;', 'application/*; q=abc', 'text/event-stream'),
    },
    { weight: 1, arbitrary: headerText() },
  );
  const noiseHeaderArb: Arbitrary<Record<string, string>> = fc
    .array(
      fc.tuple(
        fc.oneof(
          fc.constantFrom('X-Forwarded-For', 'X-Forwarded-Proto', 'X-HTTP-Method-Override', 'Cookie', 'Range', 'If-None-Match', 'If-Modified-Since', 'Origin', 'Accept-Language', 'Accept-Charset', 'Accept-Encoding', 'X-Request-Id', 'Referer', 'User-Agent', 'Forwarded', 'X-Original-URL'),
          fc.stringMatching(/^[A-Za-z0-9]{1,20}$/).map((s) => `X-Fuzz-${s}`),
        ),
        fc.oneof(headerText(), fc.constantFrom('DELETE', 'PATCH', '/api/game-sessions', 'bytes=0-0', '__proto__', '127.0.0.1, ::1, garbage')),
      ),
      { maxLength: 4 },
    )
    .map((pairs) => Object.fromEntries(pairs));

  /** Request bodies: JSON of anything, the right keys with wrong values, non-JSON, odd types, oversized, compressed. */
  function bodyArb(fields: Record<string, Arbitrary<unknown>>): Arbitrary<Body> {
    const names = Object.keys(fields);
    const fieldValue = (name: string) => fc.oneof({ weight: 2, arbitrary: fields[name] }, { weight: 3, arbitrary: wrongValue });
    const rightKeysWrongTypes = fc
      .tuple(
        fc.tuple(...names.map((n) => fc.option(fieldValue(n).map((v) => [n, v] as const), { freq: 5 }))),
        fc.array(fc.tuple(fc.oneof(fc.constantFrom(...pollutionKeys), fc.string({ maxLength: 12 }), fc.constantFrom(...names)), pollutionValue), {
          maxLength: 3,
        }),
        fc.boolean(),
      )
      .map(([known, extra, extraFirst]) => {
        const entries = known.filter((e): e is readonly [string, unknown] => e !== null);
        return objectText(extraFirst ? [...extra, ...entries] : [...entries, ...extra]);
      });
    const jsonTexts: Arbitrary<string> = fc.oneof(
      { weight: 4, arbitrary: rightKeysWrongTypes },
      { weight: 2, arbitrary: fc.anything({ maxDepth: 3, withNullPrototype: true, withDate: true, withMap: true, withSet: true, withBoxedValues: true, withTypedArray: true, withSparseArray: true }).map(json) },
      { weight: 2, arbitrary: fc.json({ maxDepth: 3 }) },
      { weight: 1, arbitrary: fc.constantFrom(`{"__proto__":{"polluted":"yes"}}`, `{"constructor":{"prototype":{"polluted":"yes"}}}`, `{"title":"a","title":{"__proto__":{"polluted":"yes"}}}`) },
    );
    const notJson: Arbitrary<string | Buffer> = fc.oneof(
      fc.constantFrom('{"title":', '[', '{"title":"x"}}', 'nul', '{title: "x"}', "{'title':'x'}", '\u0000', '{"title":"\\ud800"}', '1e999999', '"\\u00"', '{"a":1,}', '\ufeff{"title":"bom"}', '{"title":"x"}\n{"title":"y"}', ' ', 'title=x&type=Player'),
      anyText,
      fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
      fc.integer({ min: 1, max: 3000 }).map((n) => '['.repeat(n)),
      fc.integer({ min: 1, max: 3000 }).map((n) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`),
    );
    const jsonTypes = fc.constantFrom('application/json', 'application/json; charset=utf-8', 'application/json;charset=UTF-8', 'APPLICATION/JSON');
    const oddTypes = fc.oneof(
      fc.constantFrom(
        'application/json; charset=utf-7',
        'application/json; charset=latin1',
        'application/json; charset=utf-16le',
        'application/json; charset=utf-32',
        'application/json; charset=bogus',
        'application/json; charset=',
        'application/json; charset="utf-8',
        'application/json; boundary=x; charset=utf-8; charset=utf-16',
        'text/plain',
        'text/json',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=fuzz',
        'multipart/form-data',
        'application/xml',
        'application/octet-stream',
        'application/merge-patch+json',
        'application/problem+json',
        'application/vnd.api+json',
        '*/*',
        'application/*',
        ';',
        'garbage',
        '',
      ),
      headerText(60),
    );
    const plain = (text: string | Buffer, contentType?: string): Body => {
      const bytes = Buffer.from(text);
      return { bytes, contentType, text: bytes.toString('utf8'), decodedLength: bytes.length };
    };
    const encodings = ['gzip', 'deflate', 'br', 'x-gzip', 'GZIP', 'identity', 'compress', 'gzip, gzip', 'zstd', 'garbage', ''];
    return fc.oneof(
      { weight: 1, arbitrary: fc.constant<Body>({ decodedLength: 0 }) },
      { weight: 1, arbitrary: jsonTypes.map((type): Body => ({ contentType: type, decodedLength: 0 })) },
      { weight: 8, arbitrary: fc.tuple(jsonTexts, jsonTypes).map(([text, type]) => plain(text, type)) },
      { weight: 3, arbitrary: fc.tuple(notJson, jsonTypes).map(([text, type]) => plain(text, type)) },
      { weight: 3, arbitrary: fc.tuple(fc.oneof(jsonTexts, notJson), oddTypes).map(([text, type]) => plain(text, type)) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.oneof(jsonTexts, notJson), fc.constantFrom<string | undefined>(undefined, 'text/plain'))
          .map(([text, type]) => plain(text, type)),
      },
      {
        // Over 16 KiB, as JSON, as a form, as text.
        weight: 2,
        arbitrary: fc
          .tuple(
            fc.integer({ min: BODY_LIMIT + 1, max: 4 * BODY_LIMIT }),
            fc.constantFrom(...names),
            fc.constantFrom('application/json', 'application/x-www-form-urlencoded', 'text/plain', 'application/json; charset=utf-16le'),
          )
          .map(([n, name, type]) =>
            type === 'application/x-www-form-urlencoded'
              ? plain(`${name}=${'x'.repeat(n)}`, type)
              : plain(type.includes('json') ? objectText([[name, 'x'.repeat(n)]]) : 'x'.repeat(n), type),
          ),
      },
      {
        weight: 2,
        arbitrary: fc
          .tuple(fc.constantFrom(...encodings), fc.oneof(jsonTexts, notJson), fc.constantFrom('compressed', 'garbage', 'bomb'), fc.uint8Array({ maxLength: 200 }))
          .map(([encoding, text, how, garbage]): Body => {
            const source = how === 'bomb' ? objectText([[names[0], ' '.repeat(256 * 1024)]]) : text;
            const raw = Buffer.from(source);
            const packed =
              how === 'garbage'
                ? Buffer.from(garbage)
                : /gzip/i.test(encoding)
                  ? gzipSync(raw)
                  : encoding === 'deflate'
                    ? deflateSync(raw)
                    : encoding === 'br'
                      ? brotliCompressSync(raw)
                      : raw;
            return { bytes: packed, contentType: 'application/json', contentEncoding: encoding, text: raw.toString('utf8'), decodedLength: raw.length };
          }),
      },
    );
  }

  const titleArb = fc.oneof(fc.string({ minLength: 1, maxLength: 128 }), fc.constantFrom('Night', '  padded  ', 'x'.repeat(128), 'x'.repeat(129), '\u200b', 'SELECT 1; --'));
  const typeArb = fc.constantFrom('Player', 'Assistant', 'Guest', 'Master', 'player', 'PLAYER', ' Player', 'Admin', '');
  const statusArb = fc.constantFrom('Draft', 'Scheduled', 'InProgress', 'Paused', 'Finished', 'Cancelled', 'finished', 'Deleted', '');
  const userIdArb = () =>
    fc.oneof(fc.uuid(), realSessionId(), fc.tuple(sessionIndex(), roleArb, fc.uuid()).map(([s, r, o]) => userOf(s, r, o)), fc.uuid().map((u) => u.toUpperCase()));

  // -------------------------------------------------------------------------------------------------
  // Sending and judging

  /** Whether superagent (WHATWG URL) would send the path exactly; otherwise the raw client does. */
  function supertestKeeps(path: string): boolean {
    try {
      const url = new URL(path, 'http://127.0.0.1');
      return path.startsWith('/') && !path.startsWith('//') && url.pathname + url.search === path;
    } catch {
      return false;
    }
  }

  function headersOf(req: FuzzRequest): Record<string, string> {
    const headers: Record<string, string> = { ...req.headers };
    if (req.auth.header !== undefined) headers.Authorization = req.auth.header;
    if (req.body.contentType !== undefined) headers['Content-Type'] = req.body.contentType;
    if (req.body.contentEncoding !== undefined) headers['Content-Encoding'] = req.body.contentEncoding;
    return headers;
  }

  async function send(req: FuzzRequest): Promise<Exchange> {
    const headers = headersOf(req);
    if (!supertestKeeps(req.path)) {
      // Node's client frames a DELETE/OPTIONS body with neither Content-Length nor chunking: say its length.
      if (req.body.bytes !== undefined) headers['Content-Length'] = String(req.body.bytes.length);
      return sendRaw(req.method, req.path, headers, req.body.bytes);
    }
    const agent = request(t.http) as unknown as Record<string, (path: string) => request.Test>;
    let test = agent[req.method.toLowerCase()](req.path)
      .timeout({ response: 15_000, deadline: 20_000 })
      .redirects(0)
      .ok(() => true)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
      });
    for (const [name, value] of Object.entries(headers)) test = test.set(name, value);
    // As they are: superagent would otherwise serialize a Buffer under a JSON type as {"type":"Buffer","data":[…]}.
    if (req.body.bytes !== undefined) test = test.serialize((bytes: Buffer) => bytes as unknown as string).send(req.body.bytes);
    const res = await test;
    return { status: res.status, headers: res.headers as IncomingHttpHeaders, text: typeof res.body === 'string' ? res.body : '', via: 'supertest' };
  }

  /** Node's own client: the request line goes out byte for byte ('..', '%2e', '//', '#', absolute-form). */
  function sendRaw(method: string, path: string, headers: Record<string, string>, body?: Buffer): Promise<Exchange> {
    return new Promise((resolve, reject) => {
      const req = rawHttpRequest({ host: '127.0.0.1', port, method, path, headers, agent: false, timeout: 15_000 }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8'), via: 'raw' }));
        res.on('error', reject);
      });
      req.on('timeout', () => req.destroy(new Error(`no answer within 15 s to ${method} ${path.slice(0, 200)}`)));
      req.on('error', reject);
      req.end(body);
    });
  }

  /** The session route a request reaches, read as Express would route it (case-insensitive, optional trailing slash). */
  function sessionRouteOf(method: Method, path: string): SessionRoute | undefined {
    // parseurl (Express) ends the path at '?' and at '#'.
    const pathname = path.replace(/^[a-z]+:\/\/[^/]*/i, '').split(/[?#]/)[0];
    const match = /^\/api\/game-sessions\/([^/]+)(?:\/(participants|events)(?:\/([^/]+))?)?\/?$/i.exec(pathname);
    if (!match) return undefined;
    const [, rawId, sub, rawUser] = match;
    const sessionId = safeDecode(rawId);
    const id = sessionId && UUID.test(sessionId) ? sessionId.toLowerCase() : undefined;
    const read = method === 'GET' || method === 'HEAD';
    if (sub === undefined && read) return { kind: 'get', sessionId: id };
    if (sub === undefined && method === 'PATCH') return { kind: 'patch', sessionId: id };
    if (sub?.toLowerCase() === 'events' && rawUser === undefined && read) return { kind: 'events', sessionId: id };
    if (sub?.toLowerCase() === 'participants' && rawUser === undefined && method === 'POST') return { kind: 'add', sessionId: id };
    if (sub?.toLowerCase() === 'participants' && rawUser !== undefined && method === 'DELETE') {
      const target = safeDecode(rawUser);
      return { kind: 'remove', sessionId: id, targetUserId: target && UUID.test(target) ? target.toLowerCase() : undefined };
    }
    return undefined;
  }

  async function stateBefore(route: SessionRoute | undefined, requester: string | undefined): Promise<Before | undefined> {
    if (!route?.sessionId || !requester) return undefined;
    const rows: { ownerId: string; isParticipant: boolean }[] = await t.dataSource.query(
      `SELECT s.owner_id AS "ownerId",
              EXISTS (SELECT 1 FROM game_session_players p WHERE p.session_id = s.id AND p.user_id = $2) AS "isParticipant"
         FROM game_sessions s WHERE s.id = $1`,
      [route.sessionId, requester],
    );
    return rows[0] ? { ownerId: rows[0].ownerId, isParticipant: rows[0].isParticipant } : { isParticipant: false };
  }

  /** Whatever the response says that the request itself said (method, path, field names) is an echo, not a leak. */
  function leaks(pattern: RegExp, req: FuzzRequest, res: Exchange): string | undefined {
    const text = res.text;
    // A 405 names the methods of its Allow header ("allowed: DELETE"): that is no SQL either.
    const echoes = [req.method, req.path, safeDecode(req.path) ?? '', req.body.text ?? '', req.auth.header ?? '', ...Object.values(req.headers), String(res.headers.allow ?? '')];
    const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    for (const found of text.matchAll(global)) {
      if (!echoes.some((echo) => echo.toLowerCase().includes(found[0].toLowerCase()))) return found[0];
    }
    return undefined;
  }

  function judge(req: FuzzRequest, res: Exchange, route: SessionRoute | undefined, before: Before | undefined): string[] {
    const problems: string[] = [];
    const pathname = req.path.replace(/^[a-z]+:\/\/[^/]*/i, '').split(/[?#]/)[0].toLowerCase();
    if (res.status >= 500) problems.push(`5xx: status ${res.status}`);
    // socket.io's engine owns /socket.io/ and answers its own protocol's errors ({ code, message }).
    const engineIo = pathname.startsWith('/socket.io/');
    if (res.status >= 400 && !engineIo) {
      const contentType = String(res.headers['content-type'] ?? '');
      if (!/^application\/problem\+json/.test(contentType)) problems.push(`refusal without problem content type: ${res.status} ${contentType || '(none)'}`);
      if (req.method !== 'HEAD') {
        let body: unknown;
        try {
          body = JSON.parse(res.text);
        } catch {
          problems.push(`refusal body is not JSON: ${res.status}`);
        }
        if (body !== undefined) {
          const doc = body as Record<string, unknown>;
          const keys = body !== null && typeof body === 'object' && !Array.isArray(body) ? Object.keys(doc).sort() : [];
          const expectedKeys = [...PROBLEM_KEYS, ...(PROBLEM_EXTENSIONS[String(doc.code)] ? [PROBLEM_EXTENSIONS[String(doc.code)]] : [])].sort();
          if (keys.join() !== expectedKeys.join()) problems.push(`problem keys ${JSON.stringify(keys)}`);
          else {
            if (typeof doc.type !== 'string' || !PROBLEM_TYPE.test(doc.type)) problems.push(`problem type ${json(doc.type)}`);
            if (doc.status !== res.status) problems.push(`problem status ${json(doc.status)} on HTTP ${res.status}`);
            if (typeof doc.code !== 'string' || !/^[A-Z_]+$/.test(doc.code)) problems.push(`problem code ${json(doc.code)}`);
            else if (doc.type !== `urn:game-session-roster:problem:${doc.code.toLowerCase().replace(/_/g, '-')}`)
              problems.push(`problem type ${json(doc.type)} does not name code ${doc.code}`);
            if (typeof doc.title !== 'string' || doc.title === '') problems.push(`problem title ${json(doc.title)}`);
            if (typeof doc.detail !== 'string') problems.push(`problem detail ${json(doc.detail)}`);
          }
        }
      }
      const trace = leaks(STACK_TRACE, req, res);
      if (trace) problems.push(`stack trace in refusal: ${json(trace)}`);
      const sql = leaks(SQL, req, res);
      if (sql) problems.push(`SQL in refusal: ${json(sql)}`);
    }
    if (res.status >= 200 && res.status < 300) {
      const guarded = /^\/api(\/|$)/.test(pathname) && !/^\/api\/docs/.test(pathname) && req.method !== 'OPTIONS';
      if (guarded && (req.auth.mustFail || req.auth.requester === undefined)) problems.push(`2xx (${res.status}) for a token the server must refuse`);
      if (route) {
        const requester = req.auth.requester;
        if (!before?.isParticipant) problems.push(`2xx (${res.status}) on ${route.kind} for someone who is not a current participant (${requester ?? 'no user'})`);
        if ((route.kind === 'patch' || route.kind === 'add') && before?.ownerId !== requester) problems.push(`2xx (${res.status}) on ${route.kind} for someone who is not the GM`);
        if (route.kind === 'remove' && before?.ownerId !== requester && route.targetUserId !== requester)
          problems.push(`2xx on remove for someone who is neither the GM nor the removed user`);
      }
    }
    if (Object.keys(Object.prototype).length > 0 || ({} as Record<string, unknown>).polluted !== undefined)
      problems.push(`Object.prototype polluted: ${Object.keys(Object.prototype).join(', ')}`);
    return problems;
  }

  function observe(req: FuzzRequest, res: Exchange, route: SessionRoute | undefined): void {
    const note = (what: string) => {
      const entry = stats.observations.get(what) ?? { count: 0, example: describe(req, res) };
      entry.count += 1;
      stats.observations.set(what, entry);
    };
    if (req.body.decodedLength > BODY_LIMIT && res.status >= 200 && res.status < 300) note(`a body over 16 KiB was accepted (${req.body.contentType})`);
    if (req.method === 'OPTIONS' && res.status < 300) note('OPTIONS is answered 2xx without a token');
    if (req.path.startsWith('/socket.io/') && res.status >= 400 && !/^application\/problem\+json/.test(String(res.headers['content-type'])))
      note(`socket.io's engine refuses with its own ${res.headers['content-type']} body, not a problem document`);
    if (req.auth.mustFail && route && res.status >= 400 && res.status !== 401 && res.status < 500) note(`a bad token on a known route answered ${res.status} rather than 401`);
  }

  function describe(req: FuzzRequest, res?: Exchange): string {
    const clip = (s: string, n = 300) => (s.length > n ? `${s.slice(0, n)}…(${s.length} chars)` : s);
    const headers = Object.entries(headersOf(req)).map(([k, v]) => `${k}: ${clip(v, 200)}`);
    const lines = [
      `${req.method} ${clip(req.path)} (${req.family}, via ${supertestKeeps(req.path) ? 'supertest' : 'raw http'})`,
      ...headers.map((h) => `  ${h}`),
      `  body: ${req.body.bytes ? clip(json(req.body.bytes.toString('utf8'))) : '(none)'}${req.body.bytes ? ` [${req.body.bytes.length} bytes]` : ''}`,
    ];
    if (res) lines.push(`  → ${res.status} ${res.headers['content-type'] ?? '(no content type)'} ${clip(res.text, 500)}`);
    return lines.join('\n');
  }

  async function exchange(req: FuzzRequest): Promise<void> {
    const route = sessionRouteOf(req.method, req.path);
    const before = await stateBefore(route, req.auth.requester);
    const res = await send(req);
    stats.requests += 1;
    stats.byStatus.set(res.status, (stats.byStatus.get(res.status) ?? 0) + 1);
    stats.byFamily.set(req.family, (stats.byFamily.get(req.family) ?? 0) + 1);
    observe(req, res, route);
    const problems = judge(req, res, route, before);
    if (problems.length === 0) return;
    for (const p of problems) {
      const key = p.replace(/\d{3,}|[0-9a-f-]{36}/g, '#').slice(0, 160);
      const entry = stats.violations.get(key) ?? { count: 0, example: describe(req, res) };
      entry.count += 1;
      stats.violations.set(key, entry);
    }
    if (!COLLECT) throw new Error(`${problems.join('; ')}\n${describe(req, res)}`);
  }

  let propertyIndex = 0;
  async function fuzz(family: string, arbitrary: Arbitrary<FuzzRequest>, numRuns: number): Promise<void> {
    const seed = BASE_SEED + propertyIndex++;
    stats.seeds.set(family, seed);
    await fc.assert(
      fc.asyncProperty(arbitrary, (req) => exchange(req)),
      { seed, numRuns, endOnFailure: process.env.FUZZ_SHRINK === '0' },
    );
  }

  const requestOf = (family: string, method: Method, path: string, auth: Auth, body: Body = { decodedLength: 0 }, headers: Record<string, string> = {}): FuzzRequest =>
    shown(
      {
        family,
        method,
        // Node's client sends only 0x21-0xff on the request line: anything else goes percent-encoded.
        path: path.replace(/[^\x21-\x7e]/gu, (c) => pct(c)),
        auth,
        headers,
        body,
      },
      (req) => describe(req),
    );
  const withOptional = (headers: Record<string, string | undefined>): Record<string, string> =>
    Object.fromEntries(Object.entries(headers).filter((e): e is [string, string] => e[1] !== undefined));
  const validJsonText = (text: string): Body => ({ bytes: Buffer.from(text), contentType: 'application/json', text, decodedLength: Buffer.byteLength(text) });
  const validJson = (entries: [string, unknown][]): Body => validJsonText(objectText(entries));

  // -------------------------------------------------------------------------------------------------
  // The properties

  it('path ids: real, random and malformed session and user ids on every id route', async () => {
    const sessionPath = fc.tuple(sessionIndex(), pathIdArb(realSessionId()), authForSession(), ifMatchArb);
    const allUsers = fc.constantFrom(...fixtures.flatMap((f) => Object.values(f.users)));
    const statusBody = statusArb.map((status) => validJson([['status', status]]));
    const addBody = fc.tuple(userIdArb(), typeArb).map(([userId, type]) => validJson([['userId', userId], ['type', type]]));
    const anyBody = fc.oneof({ weight: 3, arbitrary: addBody }, { weight: 3, arbitrary: statusBody }, { weight: 1, arbitrary: fc.constant<Body>({ decodedLength: 0 }) });
    const of = (method: Method, path: string, auth: Auth, ifMatch: string | undefined, body?: Body) =>
      requestOf('path ids', method, path, auth, body, withOptional({ 'If-Match': ifMatch }));
    const arb = fc.oneof(
      sessionPath.map(([s, id, auth, ifMatch]) => of('GET', `/api/game-sessions/${id}`, auth(s), ifMatch)),
      sessionPath.map(([s, id, auth, ifMatch]) => of('GET', `/api/game-sessions/${id}/events`, auth(s), ifMatch)),
      fc.tuple(sessionPath, anyBody).map(([[s, id, auth, ifMatch], body]) => of('PATCH', `/api/game-sessions/${id}`, auth(s), ifMatch, body)),
      fc.tuple(sessionPath, anyBody).map(([[s, id, auth, ifMatch], body]) => of('POST', `/api/game-sessions/${id}/participants`, auth(s), ifMatch, body)),
      // DELETE …/participants/{userId}: both ids fuzzed; the user the caller themselves, a member, or anything.
      fc
        .tuple(sessionPath, fc.oneof(pathIdArb(allUsers), roleArb), fc.uuid(), fc.boolean())
        .map(([[s, id, auth, ifMatch], user, outsider, self]) => {
          const caller = auth(s);
          const target = self && caller.requester ? caller.requester : isRole(user) ? userOf(s, user, outsider) : user;
          return of('DELETE', `/api/game-sessions/${id}/participants/${target}`, caller, ifMatch);
        }),
    );
    await fuzz('path ids', arb, 1000);
  }, 90_000);

  it('bodies: anything, wrong types, prototype keys, non-JSON, odd media types, oversized and compressed', async () => {
    const common = fc.tuple(sessionIndex(), authForSession(), ifMatchArb);
    const of = (method: Method, path: string, auth: Auth, ifMatch: string | undefined, body: Body) =>
      requestOf('bodies', method, path, auth, body, withOptional({ 'If-Match': ifMatch }));
    const arb = fc.oneof(
      fc.tuple(common, bodyArb({ title: titleArb })).map(([[s, auth, ifMatch], body]) => of('POST', '/api/game-sessions', auth(s), ifMatch, body)),
      fc
        .tuple(common, bodyArb({ userId: userIdArb(), type: typeArb }))
        .map(([[s, auth, ifMatch], body]) => of('POST', `/api/game-sessions/${fixtures[s].id}/participants`, auth(s), ifMatch, body)),
      fc.tuple(common, bodyArb({ status: statusArb })).map(([[s, auth, ifMatch], body]) => of('PATCH', `/api/game-sessions/${fixtures[s].id}`, auth(s), ifMatch, body)),
    );
    await fuzz('bodies', arb, 1000);
  }, 90_000);

  it('headers: every kind of token, If-Match and Accept garbage, noise headers, on every route', async () => {
    const arb = fc
      .record({
        s: sessionIndex(),
        route: fc.constantFrom('create', 'list', 'get', 'events', 'patch', 'add', 'remove'),
        outsider: fc.uuid(),
        auth: authArb(),
        ifMatch: ifMatchArb,
        accept: acceptArb,
        noise: noiseHeaderArb,
        role: roleArb,
        status: statusArb,
        type: typeArb,
      })
      .map(({ s, route, outsider, auth, ifMatch, accept, noise, role, status, type }): FuzzRequest => {
        const headers = { ...noise, ...withOptional({ 'If-Match': ifMatch, Accept: accept }) };
        const id = fixtures[s].id;
        switch (route) {
          case 'create':
            return requestOf('headers', 'POST', '/api/game-sessions', auth, validJson([['title', 'fuzz']]), headers);
          case 'list':
            return requestOf('headers', 'GET', '/api/game-sessions', auth, undefined, headers);
          case 'get':
            return requestOf('headers', 'GET', `/api/game-sessions/${id}`, auth, undefined, headers);
          case 'events':
            return requestOf('headers', 'GET', `/api/game-sessions/${id}/events`, auth, undefined, headers);
          case 'patch':
            return requestOf('headers', 'PATCH', `/api/game-sessions/${id}`, auth, validJson([['status', status]]), headers);
          case 'add':
            return requestOf('headers', 'POST', `/api/game-sessions/${id}/participants`, auth, validJson([['userId', outsider], ['type', type]]), headers);
          default:
            return requestOf('headers', 'DELETE', `/api/game-sessions/${id}/participants/${userOf(s, role, outsider)}`, auth, undefined, headers);
        }
      });
    await fuzz('headers', arb, 800);
  }, 90_000);

  it('query strings: afterSeq and limit as anything, repeated, as arrays, with prototype keys', async () => {
    const value = fc.oneof(
      { weight: 1, arbitrary: fc.integer().map(String) },
      { weight: 4, arbitrary: fc.integer({ min: 0, max: 1100 }).map(String) },
      { weight: 1, arbitrary: fc.double().map(String) },
      { weight: 2, arbitrary: fc.integer({ min: 2 ** 31 - 2, max: 10 ** 15 - 1 }).map(String) },
      { weight: 1, arbitrary: fc.integer({ min: -(10 ** 15) + 1, max: -(2 ** 31) }).map(String) },
      { weight: 1, arbitrary: bigDigits },
      { weight: 1, arbitrary: fc.bigInt().map(String) },
      { weight: 2, arbitrary: fc.constantFrom('', '-1', '-0', '0', '1', '1000', '1001', '1e3', '0x10', '0b1', '+5', ' 5', '5 ', 'NaN', 'Infinity', '-Infinity', '1.0', '١', '0'.repeat(30) + '1', '9007199254740993', '2147483647', '2147483648', '-2147483649') },
      { weight: 1, arbitrary: anyText },
    );
    const name = fc.oneof(
      { weight: 12, arbitrary: fc.constantFrom('afterSeq', 'limit') },
      { weight: 2, arbitrary: fc.constantFrom('afterSeq[]', 'limit[]', 'afterSeq[0]', 'limit[a]', 'afterseq', 'LIMIT', 'afterSeq.x') },
      { weight: 1, arbitrary: fc.constantFrom('__proto__', '__proto__[polluted]', 'constructor[prototype][polluted]', 'toString', 'hasOwnProperty', 'constructor') },
      { weight: 1, arbitrary: anyText },
    );
    const encodeName = (n: string) => pct(n).replace(/%5B/g, '[').replace(/%5D/g, ']');
    const messy = fc
      .array(fc.tuple(name, value, fc.boolean()), { maxLength: 4 })
      .map((pairs) => pairs.map(([n, v, raw]) => `${encodeName(n)}=${raw ? [...v].filter((c) => /[\x21-\x7e]/.test(c) && c !== '#').join('') : pct(v)}`).join('&'));
    // Well-formed integers of every magnitude: past what a PostgreSQL integer holds, negative, zero.
    const magnitude = fc.oneof(
      fc.integer({ min: -5, max: 1100 }),
      fc.integer({ min: 2 ** 31 - 2, max: 10 ** 15 - 1 }),
      fc.integer({ min: -(10 ** 15) + 1, max: -(2 ** 31) }),
      fc.constantFrom(2 ** 31 - 1, 2 ** 31, 2 ** 32, 10 ** 15 - 1),
    );
    const numeric = fc
      .record({ afterSeq: fc.option(magnitude), limit: fc.option(magnitude) })
      .map(({ afterSeq, limit }) => [afterSeq === null ? '' : `afterSeq=${afterSeq}`, limit === null ? '' : `limit=${limit}`].filter(Boolean).join('&'));
    const query = fc.oneof({ weight: 3, arbitrary: messy }, { weight: 1, arbitrary: numeric });
    const arb = fc
      .tuple(sessionIndex(), fc.constantFrom('events', 'events', 'events', 'list', 'get'), query, fc.constantFrom('?', '?&', '??', '?;'), authForSession())
      .map(([s, route, q, sep, auth]): FuzzRequest => {
        const path = route === 'events' ? `/api/game-sessions/${fixtures[s].id}/events` : route === 'list' ? '/api/game-sessions' : `/api/game-sessions/${fixtures[s].id}`;
        return requestOf('query strings', 'GET', `${path}${sep}${q}`, auth(s));
      });
    await fuzz('query strings', arb, 700);
  }, 90_000);

  it('unknown paths and wrong methods', async () => {
    const segment = fc.oneof(pathIdArb(realSessionId()), fc.stringMatching(/^[a-z-]{1,20}$/));
    const path = fc.oneof(
      segment.map((s) => `/api/${s}`),
      segment.map((s) => `/${s}`),
      fc.tuple(realSessionId(), segment).map(([id, s]) => `/api/game-sessions/${id}/${s}`),
      fc.tuple(realSessionId(), segment).map(([id, s]) => `/api/game-sessions/${id}/participants/${s}/${s}`),
      fc.tuple(realSessionId(), segment).map(([id, s]) => `/api/game-sessions/${id}/events/${s}`),
      segment.map((s) => `/health/${s}`),
      segment.map((s) => `/api/docs/${s}`),
      realSessionId().map((id) => `/API/GAME-SESSIONS/${id}`),
      realSessionId().map((id) => `/api/game-sessions/${id}/`),
      realSessionId().map((id) => `/api/game-sessions/${id}/participants`),
      realSessionId().map((id) => `//api//game-sessions//${id}`),
      realSessionId().map((id) => `/api/game-sessions/./${id}/../${id}`),
      realSessionId().map((id) => `/api/game-sessions/%2e%2e/game-sessions/${id}`),
      realSessionId().map((id) => `http://evil.example/api/game-sessions/${id}`),
      // Absolute-form request targets, some with an authority that Node's URL parser refuses.
      fc
        .tuple(
          fc.constantFrom('http', 'https', 'HTTP', 'ftp'),
          fc.constantFrom('[::1', '[', 'xn--', '[fe80::1%25eth0]', ':99999999', 'user@', 'a%zz', '%', 'example.com', '[::1]', '127.0.0.1:0'),
          fc.constantFrom('/api/game-sessions', '/health/live', '/api/nothing', '/'),
          realSessionId(),
        )
        .map(([scheme, host, p, id]) => `${scheme}://${host}${p === '/api/game-sessions' ? `${p}/${id}` : p}`),
      fc.constantFrom(
        '/',
        '/api',
        '/api/',
        '/api/game-sessions/',
        '/health',
        '/health/',
        '/health/live/',
        '/api/health/live',
        '/api/docs/../../package.json',
        '/api/docs/..%2f..%2fpackage.json',
        '/api/docs/%2e%2e/%2e%2e/package.json',
        '/api/docs/swagger-ui-init.js/..',
        '/api/docs-json/x',
        '/socket.io/?EIO=4&transport=polling',
        '/socket.io/?EIO=99&transport=garbage',
        '/socket.io/game-sessions',
        '/%',
        '/%00',
        '/\\api\\game-sessions',
        '*',
        '/api/game-sessions?',
        '/api/game-sessions#frag',
      ),
    );
    const method = fc.constantFrom<Method>('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'TRACE', 'PURGE', 'PROPFIND');
    const wrongMethod = fc.oneof(
      fc.tuple(realSessionId(), fc.constantFrom<Method>('PUT', 'POST', 'TRACE', 'PURGE', 'PROPFIND')).map(([id, m]) => [m, `/api/game-sessions/${id}`] as const),
      fc.tuple(realSessionId(), fc.constantFrom<Method>('GET', 'PUT', 'PATCH', 'DELETE')).map(([id, m]) => [m, `/api/game-sessions/${id}/participants`] as const),
      fc.tuple(realSessionId(), fc.constantFrom<Method>('GET', 'POST', 'PUT', 'PATCH')).map(([id, m]) => [m, `/api/game-sessions/${id}/participants/${id}`] as const),
      fc.tuple(realSessionId(), fc.constantFrom<Method>('POST', 'PUT', 'PATCH', 'DELETE')).map(([id, m]) => [m, `/api/game-sessions/${id}/events`] as const),
      fc.constantFrom<Method>('PUT', 'PATCH', 'DELETE').map((m) => [m, '/api/game-sessions'] as const),
      fc.constantFrom<Method>('POST', 'PUT', 'PATCH', 'DELETE').map((m) => [m, '/health/live'] as const),
      fc.constantFrom<Method>('POST', 'PUT', 'PATCH', 'DELETE').map((m) => [m, '/health/ready'] as const),
    );
    const arb = fc
      .record({
        target: fc.oneof(fc.tuple(method, path), wrongMethod),
        auth: authArb(),
        body: fc.oneof(fc.constant<Body>({ decodedLength: 0 }), fc.constant(validJson([['title', 'x']]))),
      })
      .map(({ target: [m, p], auth, body }) =>
        requestOf('unknown paths and methods', m, p, auth, m === 'GET' || m === 'HEAD' || m === 'TRACE' ? { decodedLength: 0 } : body),
      );
    await fuzz('unknown paths and methods', arb, 600);
  }, 90_000);

  it('health: liveness and readiness with anything attached', async () => {
    const arb = fc
      .record({
        path: fc.constantFrom('/health/live', '/health/ready', '/health/live?x=1', '/health/ready?afterSeq=-1&limit=%FF', '/HEALTH/READY', '/health/live/'),
        method: fc.constantFrom<Method>('GET', 'HEAD'),
        auth: authArb(),
        accept: acceptArb,
        noise: noiseHeaderArb,
      })
      .map(({ path, method, auth, accept, noise }) => requestOf('health', method, path, auth, undefined, { ...noise, ...withOptional({ Accept: accept }) }));
    await fuzz('health', arb, 200);
  }, 60_000);

  /** Bytes on a fresh connection, as they are; the answer as far as it came before the server closed. */
  function sendBytes(bytes: Buffer): Promise<Exchange | undefined> {
    return new Promise((resolve) => {
      const chunks: Buffer[] = [];
      const socket = connect(port, '127.0.0.1');
      socket.setTimeout(3000, () => socket.destroy());
      socket.on('data', (chunk: Buffer) => chunks.push(chunk));
      socket.on('error', () => undefined); // the server may reset the connection once it has answered
      socket.on('close', () => resolve(parseResponse(Buffer.concat(chunks))));
      socket.write(bytes);
    });
  }



  it('every request gets an answer: CONNECT is refused 405 with a problem document, an Upgrade other than socket.io\'s is served as if absent', async () => {
    const { users } = fixtures[0];
    const token = tokenFor(users.gm);
    const wire = (lines: string[], body = '') => Buffer.from(`${[...lines, 'Host: 127.0.0.1', `Authorization: Bearer ${token}`, '', body].join('\r\n')}`, 'latin1');
    // As curl --http2 sends it, but closing after the answer.
    const h2c = ['Connection: Upgrade, HTTP2-Settings, close', 'Upgrade: h2c', 'HTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA'];
    const create = (headers: string[]) =>
      wire(['POST /api/game-sessions HTTP/1.1', ...headers, 'Content-Type: application/json', 'Content-Length: 16'], '{"title":"h2c?"}');
    const cases: [string, Buffer, number, string?][] = [
      ['CONNECT to an authority', wire(['CONNECT 127.0.0.1:443 HTTP/1.1', 'Connection: close']), 405, 'METHOD_NOT_ALLOWED'],
      ['CONNECT to a path', wire(['CONNECT /api/game-sessions HTTP/1.1', 'Connection: close']), 405, 'METHOD_NOT_ALLOWED'],
      ['GET with Upgrade: h2c', wire(['GET /api/game-sessions HTTP/1.1', ...h2c]), 200],
      ['POST with a body and Upgrade: h2c', create(h2c), 201],
      ['GET with Upgrade: websocket outside /socket.io/', wire(['GET /api/game-sessions HTTP/1.1', 'Connection: Upgrade, close', 'Upgrade: websocket', 'Sec-WebSocket-Version: 13', 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==']), 200],
      ['a probe with Upgrade: anything', wire(['GET /health/live HTTP/1.1', 'Connection: upgrade, close', 'Upgrade: anything/1']), 200],
      ['an unknown path with Upgrade: h2c', wire(['GET /api/nothing HTTP/1.1', ...h2c]), 404, 'ROUTE_NOT_FOUND'],
    ];
    const failures: string[] = [];
    for (const [name, bytes, status, code] of cases) {
      const res = await sendBytes(bytes);
      const target = bytes.toString('latin1').split(' ')[1];
      const req = requestOf('upgrades', 'GET', target.startsWith('/') ? target : `/${target}`, { header: `Bearer ${token}`, requester: users.gm, mustFail: false });
      const problems = res ? judge(req, res, undefined, undefined) : ['the connection closed without an answer'];
      if (res && res.status !== status) problems.push(`answered ${res.status}, not ${status}`);
      if (res && code && JSON.parse(res.text || 'null')?.code !== code) problems.push(`code is not ${code}: ${res.text.slice(0, 200)}`);
      if (problems.length > 0) failures.push(`${name}: ${problems.join('; ')}`);
    }

    expect(failures).toEqual([]);
  }, 30_000);

  it('an ignored Upgrade leaves the connection as it was: a second request on it is served too', async () => {
    const token = tokenFor(fixtures[0].users.gm);
    const get = (extra: string[]) => ['GET /api/game-sessions HTTP/1.1', 'Host: 127.0.0.1', `Authorization: Bearer ${token}`, ...extra, '', ''].join('\r\n');
    const bytes = Buffer.from(get(['Connection: Upgrade', 'Upgrade: h2c']) + get(['Connection: close']), 'latin1');

    const answers = await new Promise<string>((resolve) => {
      const chunks: Buffer[] = [];
      const socket = connect(port, '127.0.0.1');
      socket.setTimeout(3000, () => socket.destroy());
      socket.on('data', (chunk: Buffer) => chunks.push(chunk));
      socket.on('error', () => undefined);
      socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
      socket.write(bytes);
    });

    expect(answers.match(/HTTP\/1\.1 \d{3} /g)).toEqual(['HTTP/1.1 200 ', 'HTTP/1.1 200 ']);
  }, 10_000);

  it("protocol level: heads over 16 KiB, broken framing, bad Expect, unknown methods (refused by Node's HTTP server before the app)", async () => {
    interface RawCase {
      readonly name: string;
      readonly target: string;
      readonly bytes: Buffer;
    }
    const token = () => tokenFor(fixtures[0].users.gm);
    const showRaw = (c: RawCase) => `${c.name}: ${json(c.bytes.toString('latin1').slice(0, 400))} (${c.bytes.length} bytes)`;
    const raw = (name: string, method: string, target: string, headers: string[] = [], body = '', version = 'HTTP/1.1', eol = '\r\n'): RawCase =>
      shown(
        {
          name,
          target,
          bytes: Buffer.from(
            [`${method} ${target} ${version}`, 'Host: 127.0.0.1', 'Connection: close', `Authorization: Bearer ${token()}`, ...headers, '', body].join(eol),
            'latin1',
          ),
        },
        showRaw,
      );
    const big = fc.integer({ min: 17 * 1024, max: 64 * 1024 });
    const list = '/api/game-sessions';
    const arb: Arbitrary<RawCase> = fc.oneof(
      big.map((n) => raw(`a ${n}-byte header`, 'GET', list, [`X-Big: ${'a'.repeat(n)}`])),
      big.map((n) => raw(`a ${n}-byte Authorization`, 'GET', list, [`Authorization: Bearer ${'a'.repeat(n)}`])),
      big.map((n) => raw(`a ${n}-byte path`, 'GET', `${list}/${'a'.repeat(n)}`)),
      fc.integer({ min: 1500, max: 4000 }).map((n) => raw(`${n} headers`, 'GET', list, Array.from({ length: n }, (_, i) => `X-H-${i}: v`))),
      fc.stringMatching(/^[A-Za-z-]{1,20}$/).map((h) => raw('a header line without a colon', 'GET', list, [h])),
      fc.constantFrom('\x00', '\x01', '\x7f', '\x1b', '\x0b').map((c) => raw(`a header value with ${json(c)}`, 'GET', list, [`X-Ctl: a${c}b`])),
      fc.constantFrom('abc', '-1', '1, 2', '1.5', '0x10', '99999999999999999999', '+2').map((cl) =>
        raw(`Content-Length: ${cl}`, 'POST', list, ['Content-Type: application/json', `Content-Length: ${cl}`], '{}'),
      ),
      fc.constant(raw('two Content-Lengths', 'POST', list, ['Content-Type: application/json', 'Content-Length: 2', 'Content-Length: 3'], '{}')),
      fc.constant(raw('Content-Length and chunked', 'POST', list, ['Content-Type: application/json', 'Content-Length: 5', 'Transfer-Encoding: chunked'], '2\r\n{}\r\n0\r\n\r\n')),
      fc.constantFrom('zz', '-1', '1;ext="', 'ffffffffffffffffffff').map((size) =>
        raw(`chunk size ${size}`, 'POST', list, ['Content-Type: application/json', 'Transfer-Encoding: chunked'], `${size}\r\n{}\r\n0\r\n\r\n`),
      ),
      fc.constantFrom('chunked, identity', 'identity, chunked', 'chunked;x=1', 'chunk').map((te) =>
        raw(`Transfer-Encoding: ${te}`, 'POST', list, ['Content-Type: application/json', `Transfer-Encoding: ${te}`, 'Content-Length: 2'], '{}'),
      ),
      fc
        .stringMatching(/^[A-Z]{3,10}$/)
        .filter((m) => !METHODS.includes(m))
        .map((m) => raw(`the method ${m}`, m, list)),
      fc.constantFrom('get', 'Get', 'G ET').map((m) => raw(`the method ${json(m)}`, m, list)),
      fc.constantFrom('HTTP/9.9', 'HTTP/1.2', 'HTTP/2.0', 'HTTX/1.1', 'HTTP/1', '').map((v) => raw(`the version ${json(v)}`, 'GET', list, [], '', v)),
      fc.oneof(headerText(40), fc.constantFrom('200-ok', '100-continue-please', 'x')).filter((e) => e.trim().toLowerCase() !== '100-continue').map((e) => raw(`Expect: ${e}`, 'GET', list, [`Expect: ${e}`])),
      fc.constant(raw('an obs-fold header', 'GET', list, ['X-Fold: a', '  folded'])),
      fc.constant(raw('bare LF line ends', 'GET', list, [], '', 'HTTP/1.1', '\n')),
      fc.constantFrom('/api/game sessions', 'http://[::1/api', '/api/\x7f', 'api/game-sessions').map((target) => raw(`the target ${json(target)}`, 'GET', target)),
      fc.constant<RawCase>(
        shown(
          {
            name: 'no Host header',
            target: list,
            bytes: Buffer.from(`GET ${list} HTTP/1.1\r\nConnection: close\r\nAuthorization: Bearer ${token()}\r\n\r\n`, 'latin1'),
          },
          showRaw,
        ),
      ),
    );
    const seed = BASE_SEED + propertyIndex++;
    stats.seeds.set('protocol', seed);
    await fc.assert(
      fc.asyncProperty(arb, async (rawCase) => {
        const res = await sendBytes(rawCase.bytes);
        const req = requestOf('protocol', 'GET', rawCase.target.startsWith('/') ? rawCase.target : `/${rawCase.target}`, {
          header: `Bearer ${token()}`,
          requester: fixtures[0].users.gm,
          mustFail: false,
        });
        stats.requests += 1;
        stats.byFamily.set('protocol', (stats.byFamily.get('protocol') ?? 0) + 1);
        const status = res?.status ?? 0;
        stats.byStatus.set(status, (stats.byStatus.get(status) ?? 0) + 1);
        const problems = res ? judge(req, res, undefined, undefined) : ['the connection closed without an answer'];
        if (problems.length === 0) return;
        const example = `${rawCase.name}: ${json(rawCase.bytes.toString('latin1').slice(0, 300))}\n  → ${res ? `${res.status} ${res.headers['content-type'] ?? '(no content type)'} ${json(res.text.slice(0, 300))}` : 'no answer'}`;
        for (const p of problems) {
          const key = `${p.replace(/\d{3,}/g, '#')} [${rawCase.name.replace(/\d+/g, '#').replace(/\$\{.*$/, '')}]`.slice(0, 200);
          const entry = stats.violations.get(key) ?? { count: 0, example };
          entry.count += 1;
          stats.violations.set(key, entry);
        }
        if (!COLLECT) throw new Error(`${problems.join('; ')}\n${example}`);
      }),
      { seed, numRuns: 80, endOnFailure: process.env.FUZZ_SHRINK === '0' },
    );
  }, 60_000);

  /** JSON that parses but no handler may read: nested past the bound, U+0000, or a lone surrogate, in a value or a key. */
  const HOSTILE_BODIES: readonly (readonly [string, string, RegExp])[] = [
    ['nested 1,300 deep in a value (2.6 KB)', `{"title":${'['.repeat(1300)}${']'.repeat(1300)}}`, /deeper than 32/],
    ['nested 7,000 deep in a value (14 KB)', `{"title":${'['.repeat(7000)}${']'.repeat(7000)}}`, /deeper than 32/],
    ['objects nested 2,600 deep in a value', `{"title":${'{"a":'.repeat(2600)}1${'}'.repeat(2600)}}`, /deeper than 32/],
    ['objects nested 1,300 deep', `${'{"a":'.repeat(1300)}1${'}'.repeat(1300)}`, /deeper than 32/],
    ['U+0000 in a value', '{"title":"a\\u0000b"}', /title.*U\+0000/],
    ['U+0000 in a key', '{"ti\\u0000tle":"x"}', /U\+0000/],
    ['a lone high surrogate in a value', '{"title":"x\\ud800y"}', /title.*not well-formed Unicode/],
    ['a lone low surrogate in a value', '{"title":"x\\udc00"}', /title.*not well-formed Unicode/],
    ['a lone surrogate in a key', '{"\\ud800":"x"}', /not well-formed Unicode/],
  ];

  it('hostile JSON (too deep, U+0000, lone surrogates) on every write route, with and without Idempotency-Key: 400 VALIDATION_FAILED, nothing stored', async () => {
    const { id, users } = fixtures[0];
    const auth: Auth = { header: `Bearer ${tokenFor(users.gm)}`, requester: users.gm, mustFail: false };
    const routes: [Method, string][] = [
      ['POST', '/api/game-sessions'],
      ['POST', `/api/game-sessions/${id}/participants`],
      ['PATCH', `/api/game-sessions/${id}`],
      ['DELETE', `/api/game-sessions/${id}/participants/${newUserId()}`],
    ];
    const count = async (table: string) => Number((await t.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
    const [sessionsBefore, keysBefore, eventsBefore] = [await count('game_sessions'), await count('idempotency_keys'), await count('game_session_events')];
    const failures: string[] = [];
    for (const [name, text, detail] of HOSTILE_BODIES)
      for (const [method, path] of routes)
        for (const key of [undefined, `hostile-${newUserId()}`]) {
          const req = requestOf('hostile JSON', method, path, auth, validJsonText(text), withOptional({ 'Idempotency-Key': key }));
          const res = await send(req);
          const problems = judge(req, res, undefined, undefined);
          const body = JSON.parse(res.text || 'null') as { code?: string; detail?: string } | null;
          if (res.status !== 400 || body?.code !== 'VALIDATION_FAILED') problems.push(`answered ${res.status} ${body?.code}, not 400 VALIDATION_FAILED`);
          else if (!detail.test(body.detail ?? '')) problems.push(`detail ${json(body.detail)} does not say ${detail}`);
          if (problems.length > 0) failures.push(`${name}, ${method} ${path}${key ? ' with Idempotency-Key' : ''}: ${problems.join('; ')}`);
        }

    expect(failures).toEqual([]);
    expect([await count('game_sessions'), await count('idempotency_keys'), await count('game_session_events')]).toEqual([sessionsBefore, keysBefore, eventsBefore]);
  }, 60_000);

  it('the real sessions are still served to their own participants after the fuzz', async () => {
    for (const fixture of fixtures) {
      const res = await new RosterApi(t.http, fixture.users.gm).getSession(fixture.id);
      stats.requests += 1;
      stats.byStatus.set(res.status, (stats.byStatus.get(res.status) ?? 0) + 1);
      expect(res.status).toBe(200);
      expect(res.body.players.map((p: { userId: string }) => p.userId)).toContain(fixture.users.gm);
    }
    if (COLLECT) expect([...stats.violations.keys()]).toEqual([]);
  }, 30_000);
});

describe('slow clients, with small timeouts (HTTP_HEADERS_TIMEOUT_MS 800, HTTP_REQUEST_TIMEOUT_MS 1500)', () => {
  const HEADERS_MS = 800;
  const REQUEST_MS = 1500;
  let slow: TestApp;
  beforeAll(async () => {
    slow = await startTestApp({ HTTP_HEADERS_TIMEOUT_MS: String(HEADERS_MS), HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_MS) });
  });
  const timings: string[] = [];
  afterAll(async () => {
    console.log(`slow clients: ${timings.join('; ')}`);
    await slow?.close();
  });

  /** Sends `head`, then `drip` every 100 ms, until the server answers and closes (or 8 s pass). */
  function trickle(head: string, drip: string): Promise<{ res?: Exchange; ms: number }> {
    return new Promise((resolve) => {
      const started = Date.now();
      const chunks: Buffer[] = [];
      const socket = connect(Number(new URL(slow.url).port), '127.0.0.1');
      const dripping = setInterval(() => socket.writable && socket.write(drip), 100);
      const giveUp = setTimeout(() => socket.destroy(), 8000);
      socket.on('data', (chunk: Buffer) => chunks.push(chunk));
      socket.on('error', () => undefined);
      socket.on('close', () => {
        clearInterval(dripping);
        clearTimeout(giveUp);
        resolve({ res: parseResponse(Buffer.concat(chunks)), ms: Date.now() - started });
      });
      socket.write(head);
    });
  }

  const trickledBody = [
    'POST /api/game-sessions HTTP/1.1',
    'Host: 127.0.0.1',
    `Authorization: Bearer ${tokenFor(newUserId())}`,
    'Content-Type: application/json',
    'Content-Length: 10000',
    '',
    '{"title":"',
  ].join('\r\n');
  it.each([
    ['a head', 'HTTP_HEADERS_TIMEOUT_MS', HEADERS_MS, 'GET /api/game-sessions HTTP/1.1\r\nHost: 127.0.0.1\r\n', 'X-Slow: a\r\n'],
    ['a body', 'HTTP_REQUEST_TIMEOUT_MS', REQUEST_MS, trickledBody, 'x'],
  ])('%s that trickles in is cut off with 408 REQUEST_TIMEOUT close to %s', async (what, _name, bound, head, drip) => {
    const { res, ms } = await trickle(head, drip);

    expect(res?.status).toBe(408);
    expect(res?.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(res?.text ?? 'null')).toMatchObject({ status: 408, code: 'REQUEST_TIMEOUT' });
    expect(ms).toBeGreaterThanOrEqual(bound - 50);
    expect(ms).toBeLessThan(bound + 500);
    timings.push(`${what} cut after ${ms} ms (bound ${bound} ms)`);
  }, 15_000);

  it('a client that sends in time is served as ever', async () => {
    const api = new RosterApi(slow.http, newUserId());
    await api.createSession().expect(201);
    await api.listSessions().expect(200);
  });
});
