import { randomUUID } from 'node:crypto';
import request, { Response } from 'supertest';
import { App } from 'supertest/types';
import type { GameSessionView } from '../../src/contract/session-views';
import { TEST_JWT_SECRET, tokenFor } from './tokens';

/** The REST API as one user drives it: real HTTP through supertest, a real token on every call. */
export class RosterApi {
  constructor(
    private readonly http: App,
    readonly userId: string,
    /** The token's `name` claim; none when undefined. */
    private readonly tokenName?: string,
  ) {}

  private auth(req: request.Test): request.Test {
    return req.set('Authorization', `Bearer ${tokenFor(this.userId, TEST_JWT_SECRET, this.tokenName)}`);
  }

  /** Any request, with this user's token: for bodies and paths the named helpers would not send. */
  call(method: 'get' | 'post' | 'patch' | 'delete' | 'put', path: string): request.Test {
    return this.auth(request(this.http)[method](path));
  }

  createSession(title = 'Night at the table'): request.Test {
    return this.auth(request(this.http).post('/api/game-sessions')).send({ title });
  }

  async createdSession(title?: string): Promise<GameSessionView> {
    return (await this.createSession(title).expect(201)).body;
  }

  /** A new session of this user (its Game Master) with one new participant of each given type. */
  async sessionWith(...types: string[]): Promise<{ session: GameSessionView; ids: string[] }> {
    const created = await this.createdSession();
    const ids = types.map(() => randomUUID());
    for (const [i, type] of types.entries()) await this.addParticipant(created.id, ids[i], type).expect(201);
    return { session: (await this.getSession(created.id).expect(200)).body, ids };
  }

  listSessions(): request.Test {
    return this.auth(request(this.http).get('/api/game-sessions'));
  }

  getSession(sessionId: string): request.Test {
    return this.auth(request(this.http).get(`/api/game-sessions/${sessionId}`));
  }

  addParticipant(sessionId: string, userId: string, type = 'Player', displayName?: string): request.Test {
    const body = displayName === undefined ? { userId, type } : { userId, type, displayName };
    return this.auth(request(this.http).post(`/api/game-sessions/${sessionId}/participants`)).send(body);
  }

  renameParticipant(sessionId: string, userId: string, displayName: string | null): request.Test {
    return this.auth(request(this.http).patch(`/api/game-sessions/${sessionId}/participants/${userId}`)).send({ displayName });
  }

  changeStatus(sessionId: string, status: string): request.Test {
    return this.auth(request(this.http).patch(`/api/game-sessions/${sessionId}`)).send({ status });
  }

  /** Without `terms`, no body at all: as a removal was before notes and bans. */
  removeParticipant(sessionId: string, userId: string, terms?: { note?: string; ban?: { until: string | null } }): request.Test {
    const req = this.auth(request(this.http).delete(`/api/game-sessions/${sessionId}/participants/${userId}`));
    return terms === undefined ? req : req.send(terms);
  }

  restoreParticipant(sessionId: string, userId: string): request.Test {
    return this.auth(request(this.http).post(`/api/game-sessions/${sessionId}/participants/${userId}/restore`));
  }

  changeType(sessionId: string, userId: string, type: string): request.Test {
    return this.auth(request(this.http).patch(`/api/game-sessions/${sessionId}/participants/${userId}`)).send({ type });
  }

  removeParticipants(sessionId: string, body: object): request.Test {
    return this.auth(request(this.http).post(`/api/game-sessions/${sessionId}/removals`)).send(body);
  }

  handOver(sessionId: string, userId: string, then: 'stay' | 'leave'): request.Test {
    return this.auth(request(this.http).post(`/api/game-sessions/${sessionId}/game-master`)).send({ userId, then });
  }

  listBans(sessionId: string): request.Test {
    return this.auth(request(this.http).get(`/api/game-sessions/${sessionId}/bans`));
  }

  liftBan(sessionId: string, userId: string): request.Test {
    return this.auth(request(this.http).delete(`/api/game-sessions/${sessionId}/bans/${userId}`));
  }

  listEvents(sessionId: string, query = ''): request.Test {
    return this.auth(request(this.http).get(`/api/game-sessions/${sessionId}/events${query}`));
  }
}

export const userIdsOf = (session: GameSessionView): string[] => session.players.map((p) => p.userId);

/** Asserts the exact problem document an acceptance criterion names, with its extension members if any. */
export function expectProblem(res: Response, status: number, code: string, detail?: string, extensions: object = {}): void {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toEqual({
    type: expect.stringMatching(/^urn:game-session-roster:problem:[a-z-]+$/),
    title: expect.any(String),
    status,
    detail: detail ?? expect.any(String),
    code,
    ...extensions,
  });
}
