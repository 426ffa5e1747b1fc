import type { Ban, LeaveReason } from './game-session.events';
import type { DisplayName, Participant } from './participant';

/** How someone's latest seat at a table ended: its seq and moment, why, by whom, with what note and ban. */
export interface SeatEnded {
  readonly seq: number;
  readonly at: Date;
  readonly reason: LeaveReason;
  /** The Game Master who removed them; null when they left. */
  readonly removedBy: string | null;
  readonly note: string | null;
  /** null once lifted. */
  readonly ban: Ban | null;
}

/** Someone no longer seated: the seat as it was (for an undo) and how it ended (for bans and for telling them why). */
export interface FormerSeat {
  readonly participant: Participant;
  readonly ended: SeatEnded;
}

/** A ban bars until its instant; one without an instant, until it is lifted. It lapses by itself: nothing needs to run. */
export const banInForce = (ban: Ban | null, now: Date): ban is Ban => ban !== null && (ban.until === null || ban.until > now);

/** How someone's latest seat ended, as they are told it: the remover by id and by the name the roster now gives them. */
export interface Departure {
  readonly at: Date;
  readonly reason: LeaveReason;
  readonly removedBy: { readonly userId: string; readonly displayName: DisplayName } | null;
  readonly note: string | null;
  readonly ban: Ban | null;
}

export function departureOf({ ended }: FormerSeat, roster: readonly Participant[]): Departure {
  const remover = ended.removedBy;
  return {
    at: ended.at,
    reason: ended.reason,
    removedBy: remover === null ? null : { userId: remover, displayName: roster.find((p) => p.userId === remover)?.displayName ?? null },
    note: ended.note,
    ban: ended.ban,
  };
}
