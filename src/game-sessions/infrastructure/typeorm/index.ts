import { GameSessionRecord } from './game-session.orm-entity';
import { ParticipantRecord } from './participant.orm-entity';
import { SessionEventRecord } from './session-event.orm-entity';

export const GAME_SESSION_ORM_ENTITIES = [GameSessionRecord, ParticipantRecord, SessionEventRecord];
