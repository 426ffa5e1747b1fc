import { randomUUID } from 'node:crypto';
import { App } from 'supertest/types';
import { expectContiguousSeq, replayRoster } from './replay';
import { RosterApi } from './roster-api';

export interface Outcome {
  /** When the answer came (Date.now()). */
  readonly at: number;
  readonly status: number;
  readonly ms: number;
}

/**
 * Writers that keep adding participants, each to a session of its own (so they never race each
 * other), and keep count: what was acknowledged, and every answer that was neither a 201 nor a
 * proper 503 (problem document, SERVICE_UNAVAILABLE, Retry-After).
 */
export class SteadyLoad {
  readonly outcomes: Outcome[] = [];
  readonly acknowledged = new Map<string, string[]>();
  readonly improper: string[] = [];
  private running = true;
  private readonly workers: Promise<void>[];

  private constructor(
    private readonly gm: RosterApi,
    sessionIds: string[],
  ) {
    this.workers = sessionIds.map((id) => this.work(id));
  }

  static async start(http: App, writers: number): Promise<SteadyLoad> {
    const gm = new RosterApi(http, randomUUID());
    const sessions = await Promise.all(Array.from({ length: writers }, () => gm.createdSession()));
    return new SteadyLoad(gm, sessions.map((s) => s.id));
  }

  get acknowledgedCount(): number {
    return [...this.acknowledged.values()].reduce((sum, ids) => sum + ids.length, 0);
  }

  count(status: number): number {
    return this.outcomes.filter((o) => o.status === status).length;
  }

  firstSuccessAfter(moment: number): number | undefined {
    return this.outcomes.find((o) => o.at >= moment && o.status === 201)?.at;
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.workers);
  }

  /** Acknowledged participants missing from their roster; also checks each roster replays its log. */
  async lost(): Promise<number> {
    let lost = 0;
    for (const [sessionId, acknowledged] of this.acknowledged) {
      const seated = (await this.gm.getSession(sessionId).expect(200)).body.players.map((p: { userId: string }) => p.userId);
      const log = (await this.gm.listEvents(sessionId, '?limit=1000').expect(200)).body.items;
      expectContiguousSeq(log);
      expect(replayRoster(log).map((p) => p.userId)).toEqual(seated);
      lost += acknowledged.filter((id) => !seated.includes(id)).length;
    }
    return lost;
  }

  private async work(sessionId: string): Promise<void> {
    this.acknowledged.set(sessionId, []);
    while (this.running) {
      const userId = randomUUID();
      const started = Date.now();
      const res = await this.gm.addParticipant(sessionId, userId, 'Guest');
      this.outcomes.push({ at: Date.now(), status: res.status, ms: Date.now() - started });
      if (res.status === 201) this.acknowledged.get(sessionId)!.push(userId);
      else if (res.status !== 503 || res.body?.code !== 'SERVICE_UNAVAILABLE' || !res.headers['retry-after']) {
        this.improper.push(`${res.status} ${JSON.stringify(res.body)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

export async function until(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
