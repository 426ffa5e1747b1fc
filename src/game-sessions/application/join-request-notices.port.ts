import type { JoinRequestNotice } from '../../contract/invitations';

/** Tells the Game Master's sockets and the requester's of a join request, once the change has committed. */
export abstract class JoinRequestNotices {
  abstract tell(gameMasterId: string, notice: JoinRequestNotice): void;
}
