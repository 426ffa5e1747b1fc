import type { LeaveReason, ParticipantLeft } from './game-session.events';
import type { DisplayName, Participant } from './participant';

/** How someone's latest seat at a table ended: when, why, and who removed them (null when they left). */
export interface Departure {
  readonly at: Date;
  readonly reason: LeaveReason;
  readonly removedBy: { readonly userId: string; readonly displayName: DisplayName } | null;
}

/** The departure a ParticipantLeft records; the remover named as the roster now names them (null when not seated). */
export function departureOf(left: ParticipantLeft, roster: readonly Participant[]): Departure {
  const remover = left.removedBy;
  return {
    at: left.occurredAt,
    reason: left.reason,
    removedBy: remover === null ? null : { userId: remover, displayName: roster.find((p) => p.userId === remover)?.displayName ?? null },
  };
}
