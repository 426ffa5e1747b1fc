import { Logger } from '@nestjs/common';
import type { ClusterLink } from '../../../cluster/cluster-link';
import type { BetweenInstances, LiveNamespace } from './live-socket';

type News = Exclude<keyof BetweenInstances, 'presence-ask'>;

/** An instance that died is still counted for a while (until its heartbeats are missed): nobody waits for it longer than this. */
const ASK_TIMEOUT_MS = 1000;

/** The other instances of the service, reached through the socket.io adapter. */
export class OtherInstances {
  private readonly logger = new Logger('GameSessionsGateway');

  /** Without a link (socket.io's in-memory adapter), the adapter's count is all there is. */
  constructor(
    private readonly namespace: LiveNamespace,
    private readonly link: ClusterLink | undefined,
  ) {}

  /**
   * Only when another instance may be there to hear it: with PostgreSQL's LISTEN/NOTIFY every
   * message is one more query on the database. Instances know each other from the adapter's
   * heartbeats, and one that starts announces itself before it serves anyone; after a break of the
   * link, heartbeats were missed, so the link decides (cluster-link.ts).
   */
  tell<N extends News>(name: N, message: Parameters<BetweenInstances[N]>[0], what: string): void {
    // A send can fail too (at shutdown, the adapter's client may already be closed): that is logged, never thrown.
    this.namespace.adapter
      .serverCount()
      .then((instances) => this.othersMayListen(instances) && this.sendOn(name, message))
      .catch((error: Error) => this.logger.warn(`${what} not sent on: ${error.message}`));
  }

  /** The users subscribed to the session on the other instances; undefined when one of them did not answer in time. */
  whoFollows(sessionId: string): Promise<string[] | undefined> {
    return new Promise((resolve) => {
      const late = setTimeout(() => resolve(undefined), ASK_TIMEOUT_MS);
      const answered = (answers: string[] | undefined) => {
        clearTimeout(late);
        resolve(answers);
      };
      try {
        this.namespace.serverSideEmit('presence-ask', sessionId, (error: Error | null, answers: string[][]) => answered(error ? undefined : answers.flat()));
      } catch {
        answered(undefined);
      }
    });
  }

  /** socket.io's typing of serverSideEmit cannot follow a generic name; `tell`'s signature holds it to the contract. */
  private sendOn(name: News, message: unknown): boolean {
    return (this.namespace.serverSideEmit as (name: News, message: unknown) => boolean).call(this.namespace, name, message);
  }

  private othersMayListen(instances: number): boolean {
    return this.link ? this.link.othersMayListen(instances) : instances > 1;
  }
}
