import { Injectable } from '@nestjs/common';
import type { JoinRequestNotice } from '../../../contract/invitations';
import { TransactionScope } from '../../../database/transaction-scope';
import { JoinRequestNotices } from '../../application/join-request-notices.port';
import type { LiveNamespace } from './live-socket';
import { userRoom } from './rooms';

/**
 * Through the socket.io adapter, so that the sockets of both people hear it on every instance; not
 * through the session feeds, as a request carries no seq to order by.
 */
@Injectable()
export class LiveJoinRequestNotices extends JoinRequestNotices {
  private namespace?: LiveNamespace;

  constructor(private readonly transactions: TransactionScope) {
    super();
  }

  attach(namespace: LiveNamespace): void {
    this.namespace = namespace;
  }

  tell(gameMasterId: string, notice: JoinRequestNotice): void {
    this.transactions.afterCommit(() => this.namespace?.to([userRoom(gameMasterId), userRoom(notice.userId)]).emit(notice.event, notice));
  }
}
