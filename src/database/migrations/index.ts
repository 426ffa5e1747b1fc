import { CreateGameSessions1763700000000 } from './1763700000000-create-game-sessions';
import { CreateSocketIoAttachments1763700000001 } from './1763700000001-create-socket-io-attachments';
import { CreateIdempotencyKeys1763700000002 } from './1763700000002-create-idempotency-keys';
import { MergeVersionAndLastSeq1763700000003 } from './1763700000003-merge-version-and-last-seq';
import { AddDisplayNames1763700000004 } from './1763700000004-add-display-names';
import { CreateInvitations1763700000005 } from './1763700000005-create-invitations';
import { CreateFormerSeats1763700000006 } from './1763700000006-create-former-seats';

/** In order of application. Listed, not globbed, so that the compiled and the test build agree. */
export const MIGRATIONS = [
  CreateGameSessions1763700000000,
  CreateSocketIoAttachments1763700000001,
  CreateIdempotencyKeys1763700000002,
  MergeVersionAndLastSeq1763700000003,
  AddDisplayNames1763700000004,
  CreateInvitations1763700000005,
  CreateFormerSeats1763700000006,
];
