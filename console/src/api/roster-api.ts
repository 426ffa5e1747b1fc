import type { GameSessionStatus } from '../../../src/game-sessions/domain/game-session-status';
import type { PlayerType } from '../../../src/game-sessions/domain/player-type';
import { Problem, problemOf } from './problem';
import type {
  BanEntryView,
  BanList,
  BanView,
  GameSessionList,
  GameSessionView,
  InvitationList,
  InvitationPreviewView,
  InvitationView,
  JoinRequestFiled,
  JoinRequestList,
  JoinRequestView,
  RemovalsView,
  SessionEventList,
  SessionEventView,
} from '../../../src/contract';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** The largest page of history the API hands out at once. */
const EVENTS_PAGE = 1000;

async function send<T>(method: Method, path: string, token?: string, body?: object): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body) headers['Content-Type'] = 'application/json';
  const response = await fetch(`/api${path}`, { method, headers, body: body && JSON.stringify(body) });
  const text = await response.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (!response.ok) throw problemOf(response.status, json);
  return json as T;
}

/** What the console offers on this server: the development sign-in, and how long a removal can be undone. */
export interface ConsoleSettings {
  readonly devSignIn: boolean;
  readonly restoreWindowSeconds: number;
}

/** The public routes the console uses before, and besides, the signed-in ones. */
export const publicApi = {
  settings: () => send<ConsoleSettings>('GET', '/console/settings'),
  mintDevToken: (userId: string) => send<{ token: string }>('POST', '/dev/tokens', undefined, { userId }),
};

/** The REST API as the signed-in user drives it. Every failure is a Problem with the server's detail. */
export class RosterApi {
  /** @param onSignedOut told when the server no longer accepts the token (expired, say), with its detail */
  constructor(
    private readonly token: string,
    private readonly onSignedOut: (detail: string) => void = () => undefined,
  ) {}

  listSessions(): Promise<readonly GameSessionView[]> {
    return this.call<GameSessionList>('GET', '/game-sessions').then((page) => page.items);
  }

  createSession(title: string): Promise<GameSessionView> {
    return this.call('POST', '/game-sessions', { title });
  }

  addParticipant(sessionId: string, userId: string, type: PlayerType): Promise<GameSessionView> {
    return this.call('POST', `/game-sessions/${sessionId}/participants`, { userId, type });
  }

  changeStatus(sessionId: string, status: GameSessionStatus): Promise<GameSessionView> {
    return this.call('PATCH', `/game-sessions/${sessionId}`, { status });
  }

  /** The Game Master removing someone (with a note and a ban, if given), or a participant leaving (userId = their own). */
  removeParticipant(sessionId: string, userId: string, terms?: { note?: string; ban?: BanView }): Promise<GameSessionView> {
    return this.call('DELETE', `/game-sessions/${sessionId}/participants/${userId}`, terms);
  }

  /** Several removals at once; with `dryRun`, what would become of each, and nothing changed. */
  removeParticipants(sessionId: string, userIds: readonly string[], dryRun: boolean): Promise<RemovalsView> {
    return this.call('POST', `/game-sessions/${sessionId}/removals`, { userIds, dryRun });
  }

  /** The Game Master's undo of their latest removal of `userId`. */
  restoreParticipant(sessionId: string, userId: string): Promise<GameSessionView> {
    return this.call('POST', `/game-sessions/${sessionId}/participants/${userId}/restore`);
  }

  /** null clears the name. */
  renameParticipant(sessionId: string, userId: string, displayName: string | null): Promise<GameSessionView> {
    return this.call('PATCH', `/game-sessions/${sessionId}/participants/${userId}`, { displayName });
  }

  changeType(sessionId: string, userId: string, type: PlayerType): Promise<GameSessionView> {
    return this.call('PATCH', `/game-sessions/${sessionId}/participants/${userId}`, { type });
  }

  /** The Game Master hands the Master seat to a participant, then stays as a Player or leaves. */
  handOver(sessionId: string, userId: string, then: 'stay' | 'leave'): Promise<GameSessionView> {
    return this.call('POST', `/game-sessions/${sessionId}/game-master`, { userId, then });
  }

  createInvitation(sessionId: string, asked: { type: PlayerType; maxUses?: number; expiresInSeconds?: number; approval?: boolean }): Promise<InvitationView> {
    return this.call('POST', `/game-sessions/${sessionId}/invites`, asked);
  }

  listInvitations(sessionId: string): Promise<readonly InvitationView[]> {
    return this.call<InvitationList>('GET', `/game-sessions/${sessionId}/invites`).then((page) => page.items);
  }

  revokeInvitation(sessionId: string, code: string): Promise<void> {
    return this.call('DELETE', `/game-sessions/${sessionId}/invites/${code}`);
  }

  /** What an invitation opens, for whoever holds its code. */
  previewInvitation(code: string): Promise<InvitationPreviewView> {
    return this.call('GET', `/invites/${code}`);
  }

  /** Seated at once (the session), or a request filed for the Game Master (`joinRequest`). */
  acceptInvitation(code: string, displayName?: string): Promise<GameSessionView | JoinRequestFiled> {
    return this.call('POST', `/invites/${code}/accept`, displayName === undefined ? {} : { displayName });
  }

  listJoinRequests(sessionId: string): Promise<readonly JoinRequestView[]> {
    return this.call<JoinRequestList>('GET', `/game-sessions/${sessionId}/join-requests`).then((page) => page.items);
  }

  answerJoinRequest(sessionId: string, userId: string, answer: 'approve' | 'deny'): Promise<unknown> {
    return this.call('POST', `/game-sessions/${sessionId}/join-requests/${userId}/${answer}`);
  }

  withdrawJoinRequest(sessionId: string, userId: string): Promise<void> {
    return this.call('DELETE', `/game-sessions/${sessionId}/join-requests/${userId}`);
  }

  listBans(sessionId: string): Promise<readonly BanEntryView[]> {
    return this.call<BanList>('GET', `/game-sessions/${sessionId}/bans`).then((page) => page.items);
  }

  liftBan(sessionId: string, userId: string): Promise<void> {
    return this.call('DELETE', `/game-sessions/${sessionId}/bans/${userId}`);
  }

  /** The whole history, page by page. */
  async listEvents(sessionId: string): Promise<SessionEventView[]> {
    const events: SessionEventView[] = [];
    for (;;) {
      const afterSeq = events.at(-1)?.seq ?? 0;
      const page = await this.call<SessionEventList>(
        'GET',
        `/game-sessions/${sessionId}/events?afterSeq=${afterSeq}&limit=${EVENTS_PAGE}`,
      );
      events.push(...page.items);
      if (page.items.length < EVENTS_PAGE) return events;
    }
  }

  private async call<T>(method: Method, path: string, body?: object): Promise<T> {
    try {
      return await send<T>(method, path, this.token, body);
    } catch (error) {
      if (error instanceof Problem && error.status === 401) this.onSignedOut(error.message);
      throw error;
    }
  }
}
