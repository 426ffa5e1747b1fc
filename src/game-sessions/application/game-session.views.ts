// Types only: the console imports this module, and must not bundle the aggregate for it.
import type { InvitationPreviewView, InvitationView, JoinRequestNotice, JoinRequestView } from '../../contract/invitations';
import type { RemovalView } from '../../contract/problems';
import type { BanView, GameSessionView, SessionEventView } from '../../contract/session-views';
import type { BanEntryView } from '../../contract/removals';
import type { Departure, FormerSeat } from '../domain/departure';
import type { Invitation } from '../domain/invitation';
import type { JoinRequest } from '../domain/join-request';
import type { GameSession } from '../domain/game-session';
import type { Ban, GameSessionEvent } from '../domain/game-session.events';

/**
 * Instants are ISO 8601 text already: JSON.stringify's way through Date#toJSON took five times as
 * long, and a thousand seats made that a fifth of a removal's CPU (profiled; see docs/benchmarks.md).
 */
export function toGameSessionView(session: GameSession): GameSessionView {
  const { id, title, ownerId, status, players, createdAt, updatedAt, version } = session.state;
  return {
    id,
    title,
    ownerId,
    status,
    players: players.map(({ userId, displayName, type, joinedAt }) => ({ userId, displayName, type, joinedAt: joinedAt.toISOString() })),
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
    version,
  };
}

/** The one shape of an event, in the log and on the socket: common fields first, then its own. */
export function toEventView(event: GameSessionEvent): SessionEventView {
  const { event: name, sessionId, seq, occurredAt, ...fields } = event;
  const view = { event: name, sessionId, seq, occurredAt: occurredAt.toISOString(), ...fields };
  return (event.event === 'ParticipantLeft' ? { ...view, ban: toBanView(event.ban) } : view) as SessionEventView;
}

/** The domain's event again from what a client read, so that it can be folded through `evolve`. */
export function fromEventJson(event: SessionEventView | GameSessionEvent): GameSessionEvent {
  const read = { ...event, occurredAt: new Date(event.occurredAt) };
  if (event.event !== 'ParticipantLeft' || !event.ban) return read as GameSessionEvent;
  const { until } = event.ban;
  return { ...read, ban: { until: until === null ? null : new Date(until) } } as GameSessionEvent;
}

export const toBanView = (ban: Ban | null): BanView | null => ban && { until: ban.until === null ? null : ban.until.toISOString() };

/** A departure as the REMOVED_FROM_SESSION problem carries it. */
export function toRemovalView({ at, reason, removedBy, note, ban }: Departure): RemovalView {
  return { at: at.toISOString(), reason, removedBy, note, ban: toBanView(ban) };
}

export function toInvitationView(invitation: Invitation): InvitationView {
  const { code, type, maxUses, uses, expiresAt, approval, createdAt } = invitation.state;
  return { code, type, maxUses, uses, expiresAt: expiresAt.toISOString(), approval, createdAt: createdAt.toISOString(), path: `/join/${code}` };
}

export function toInvitationPreviewView({ invitation, session }: { invitation: Invitation; session: GameSession }): InvitationPreviewView {
  const { type, approval } = invitation.state;
  const gameMaster = { userId: session.ownerId, displayName: session.seatOf(session.ownerId)?.displayName ?? null };
  return { sessionId: session.id, title: session.title, gameMaster, type, approval, status: session.status };
}

export function toJoinRequestView({ userId, displayName, type, requestedAt }: JoinRequest): JoinRequestView {
  return { userId, displayName, type, requestedAt: requestedAt.toISOString() };
}

export function toJoinRequestNotice(event: JoinRequestNotice['event'], request: JoinRequest): JoinRequestNotice {
  return { event, sessionId: request.sessionId, ...toJoinRequestView(request) };
}

/** A ban in force as its Game Master lists it: who (under the name they had), until when, why, by whom, since when. */
export function toBanEntryView({ participant, ended }: FormerSeat): BanEntryView {
  return {
    userId: participant.userId,
    displayName: participant.displayName,
    until: toBanView(ended.ban)!.until,
    note: ended.note,
    bannedBy: ended.removedBy!,
    bannedAt: ended.at.toISOString(),
  };
}
