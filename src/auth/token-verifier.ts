import { Injectable, Logger } from '@nestjs/common';
import { JWTVerifyGetKey, createRemoteJWKSet, errors, jwtVerify } from 'jose';
import { AppConfig } from '../config/app-config';
import { AuthenticatedUser } from './authenticated-user';
import { UnacceptableClaims, userFromClaims } from './token-claims';

/** A bearer token that does not let its bearer in; the message is what the client is told. */
export class TokenRefused extends Error {}

/** The identity provider's key set is cached, refetched for an unknown `kid` at most this often, and waited for this long. */
const JWKS_OPTIONS = { cacheMaxAge: 10 * 60_000, cooldownDuration: 30_000, timeoutDuration: 3000 };

/**
 * The one check of a bearer token, for the REST guard, the socket handshake and the refusals raised
 * before the guard: HS256 with JWT_SECRET, RS256 with the identity provider's key of the token's
 * `kid` (JWT_JWKS_URL, through jose's cached remote key set). Each key verifies its own algorithm
 * only, so a token cannot pick another; jose refuses any `crit` extension (RFC 7515 §4.1.11).
 */
@Injectable()
export class TokenVerifier {
  /** JWT_SECRET (or the development secret) as key bytes: it verifies HS256 tokens and may sign them. */
  readonly sharedSecret?: Uint8Array;
  private readonly identityProviderKeys?: JWTVerifyGetKey;
  private readonly algorithms: string[];
  private readonly logger = new Logger('TokenVerifier');

  constructor(private readonly config: AppConfig) {
    if (config.jwtSecret) this.sharedSecret = new TextEncoder().encode(config.jwtSecret);
    if (config.jwtJwksUrl) this.identityProviderKeys = createRemoteJWKSet(new URL(config.jwtJwksUrl), JWKS_OPTIONS);
    this.algorithms = [...(this.sharedSecret ? ['HS256'] : []), ...(this.identityProviderKeys ? ['RS256'] : [])];
  }

  /** @throws TokenRefused when the token is missing, malformed, expired, badly signed or names no user */
  async verify(token: unknown): Promise<AuthenticatedUser> {
    if (typeof token !== 'string' || token === '') throw new TokenRefused('A bearer token is required (Authorization: Bearer <JWT>)');
    try {
      const { payload } = await jwtVerify(token, this.keyFor, {
        algorithms: this.algorithms,
        issuer: this.config.jwtIssuer,
        audience: this.config.jwtAudience,
      });
      return userFromClaims(payload);
    } catch (error) {
      throw this.refusalOf(error);
    }
  }

  private readonly keyFor: JWTVerifyGetKey = (header, token) => {
    if (header.alg === 'HS256' && this.sharedSecret) return this.sharedSecret;
    // A kid says which of the provider's keys signed; without one, no key is chosen by guessing.
    if (header.alg === 'RS256' && header.kid && this.identityProviderKeys) return this.identityProviderKeys(header, token);
    throw new TokenRefused('The bearer token is invalid');
  };

  private refusalOf(error: unknown): TokenRefused {
    if (isKeySetUnreadable(error)) this.logger.warn(`The identity provider's key set could not be read: ${(error as Error).message}`);
    return refusalOf(error);
  }
}

/** A timeout, a network failure or a bad answer of JWT_JWKS_URL: not the token's fault, and worth an operator's eye. */
const isKeySetUnreadable = (error: unknown) =>
  error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || !(error instanceof errors.JOSEError || error instanceof TokenRefused || error instanceof UnacceptableClaims);

function refusalOf(error: unknown): TokenRefused {
  if (error instanceof TokenRefused) return error;
  if (error instanceof UnacceptableClaims) return new TokenRefused(error.message);
  if (error instanceof errors.JWTExpired) return new TokenRefused('The bearer token has expired');
  return new TokenRefused('The bearer token is invalid');
}
