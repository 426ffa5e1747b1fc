import type { InvitedType } from './invitation';
import type { DisplayName } from './participant';

/** Someone who followed an invitation that asks the Game Master first, waiting to be seated. */
export interface JoinRequest {
  readonly sessionId: string;
  readonly userId: string;
  readonly displayName: DisplayName;
  readonly type: InvitedType;
  readonly requestedAt: Date;
}
