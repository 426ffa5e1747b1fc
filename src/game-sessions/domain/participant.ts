import { PlayerType } from './player-type';

export const DISPLAY_NAME_MAX_LENGTH = 64;

/** What the table calls someone: 1–64 characters after trimming, or null when nobody has given one. */
export type DisplayName = string | null;

/**
 * A name as the rules accept it (trimmed), or undefined when it is not one. Characters, not UTF-16
 * units, as PostgreSQL counts them.
 */
export function acceptedDisplayName(raw: string): string | undefined {
  const name = raw.trim();
  const length = [...name].length;
  return length >= 1 && length <= DISPLAY_NAME_MAX_LENGTH ? name : undefined;
}

/** The name a token's `name` claim suggests: taken where the rules accept it as a name, else none. */
export function nameFromToken(tokenName: string | undefined): DisplayName {
  return tokenName === undefined ? null : (acceptedDisplayName(tokenName) ?? null);
}

/**
 * A seat at the table: who, under which name, in which part, since when, and where in the roster
 * (`seat`: the seq of the ParticipantJoined that gave it; the roster is in that order). Immutable.
 */
export class Participant {
  private constructor(
    readonly userId: string,
    readonly type: PlayerType,
    readonly joinedAt: Date,
    readonly displayName: DisplayName,
    readonly seat: number,
  ) {}

  static of(userId: string, type: PlayerType, joinedAt: Date, displayName: DisplayName, seat: number): Participant {
    return new Participant(userId, type, joinedAt, displayName, seat);
  }

  get isMaster(): boolean {
    return this.type === PlayerType.Master;
  }

  renamed(displayName: DisplayName): Participant {
    return new Participant(this.userId, this.type, this.joinedAt, displayName, this.seat);
  }

  as(type: PlayerType): Participant {
    return new Participant(this.userId, type, this.joinedAt, this.displayName, this.seat);
  }
}
