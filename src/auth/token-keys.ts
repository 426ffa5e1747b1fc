import { KeyObject, createPublicKey, createSecretKey } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { decode } from 'jsonwebtoken';
import { AppConfig } from '../config/app-config';

export type TokenAlgorithm = 'HS256' | 'RS256';

export interface VerificationKey {
  /**
   * A key object, made once: handed a string, jsonwebtoken first tries it as a public key and
   * throws, on every verification (15% of a removal's CPU when profiled).
   */
  readonly key: KeyObject;
  /** The one algorithm this key may verify: a token cannot pick another. */
  readonly algorithm: TokenAlgorithm;
}

const JWKS_TTL_MS = 10 * 60_000;
/** An unknown `kid` refetches the key set, but not more often than this. */
const JWKS_REFETCH_MS = 30_000;
const JWKS_TIMEOUT_MS = 3000;

/**
 * Which key verifies a token: HS256 with JWT_SECRET, RS256 with the identity provider's key of the
 * token's `kid`, fetched from JWT_JWKS_URL and cached. Anything else has no key, and neither has a
 * token with a `crit` header: the one place the REST guard and the socket handshake both pass.
 */
@Injectable()
export class TokenKeys {
  private keys = new Map<string, KeyObject>();
  /** JWT_SECRET (or the development secret) as a key: it verifies HS256 tokens and may sign them. */
  readonly sharedSecret?: KeyObject;
  private fetchedAt = 0;
  private fetching?: Promise<void>;

  constructor(private readonly config: AppConfig) {
    if (config.jwtSecret) this.sharedSecret = createSecretKey(Buffer.from(config.jwtSecret));
  }

  async keyFor(token: string): Promise<VerificationKey> {
    const header = decode(token, { complete: true })?.header;
    // RFC 7515 §4.1.11: a token that names extensions the recipient must understand is refused; we understand none.
    if (header && Object.hasOwn(header, 'crit')) throw new Error('the token names critical header extensions (crit)');
    if (header?.alg === 'HS256' && this.sharedSecret) return { key: this.sharedSecret, algorithm: 'HS256' };
    if (header?.alg === 'RS256' && this.config.jwtJwksUrl && header.kid) {
      return { key: await this.publicKey(header.kid), algorithm: 'RS256' };
    }
    throw new Error(`no key for a token signed with ${header?.alg ?? 'nothing'}`);
  }

  private async publicKey(kid: string): Promise<KeyObject> {
    const age = Date.now() - this.fetchedAt;
    if (age > JWKS_TTL_MS || (!this.keys.has(kid) && age > JWKS_REFETCH_MS)) await this.refresh();
    const key = this.keys.get(kid);
    if (!key) throw new Error(`the identity provider has no key ${kid}`);
    return key;
  }

  /** One fetch at a time; a failed one keeps the keys already known. */
  private refresh(): Promise<void> {
    this.fetching ??= this.fetchKeys().finally(() => (this.fetching = undefined));
    return this.fetching;
  }

  private async fetchKeys(): Promise<void> {
    this.fetchedAt = Date.now();
    const response = await fetch(this.config.jwtJwksUrl!, { signal: AbortSignal.timeout(JWKS_TIMEOUT_MS) });
    if (!response.ok) throw new Error(`the key set answered ${response.status}`);
    const { keys } = (await response.json()) as { keys?: ({ kid?: string; kty?: string; use?: string } & object)[] };
    const signing = (keys ?? []).filter((k) => k.kid && k.kty === 'RSA' && (k.use ?? 'sig') === 'sig');
    this.keys = new Map(signing.map((k) => [k.kid!, createPublicKey({ key: k as never, format: 'jwk' })]));
  }
}
