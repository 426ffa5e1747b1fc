import { FormerSeatRecord } from './former-seat.orm-entity';
import { GameSessionRecord } from './game-session.orm-entity';
import { InvitationRecord } from './invitation.orm-entity';
import { JoinRequestRecord } from './join-request.orm-entity';
import { ParticipantRecord } from './participant.orm-entity';
import { SessionEventRecord } from './session-event.orm-entity';

/** What TypeORM is told of the schema; no statement of the storage goes through them. */
export const GAME_SESSION_ORM_ENTITIES = [GameSessionRecord, ParticipantRecord, SessionEventRecord, InvitationRecord, JoinRequestRecord, FormerSeatRecord];
