/** Who is calling, as proven by the bearer token. */
export interface AuthenticatedUser {
  /** The token's `sub`: the user's UUID. */
  readonly id: string;
  readonly name?: string;
}
