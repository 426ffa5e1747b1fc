/** Who is calling, as proven by the bearer token. */
export interface AuthenticatedUser {
  /** The token's `sub`: the user's UUID. */
  readonly id: string;
  readonly name?: string;
  /** When the token stops being valid (its `exp`): live sockets are cut off then. */
  readonly expiresAt: Date;
}
