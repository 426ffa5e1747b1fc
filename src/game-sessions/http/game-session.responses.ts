import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_SEQ, type GameSessionEventName, type PreviousGameMaster } from '../domain/game-session.events';
import { NOTE_MAX_LENGTH } from '../domain/removal-terms';
import { NULLABLE_BAN } from '../../openapi/problem.schema';
import type { BanView } from '../../contract/session-views';
import { SESSION_EVENT_NAMES, type GameSessionView } from '../../contract/session-views';
import { TITLE_MAX_LENGTH } from '../domain/game-session';
import { GameSessionStatus } from '../domain/game-session-status';
import { DISPLAY_NAME_MAX_LENGTH } from '../domain/participant';
import { PlayerType } from '../domain/player-type';

export class ParticipantResponse {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({
    type: 'string',
    nullable: true,
    minLength: 1,
    maxLength: DISPLAY_NAME_MAX_LENGTH,
    example: 'Ireena',
    description: 'What the table calls them; null when nobody has given a name.',
  })
  displayName!: string | null;
  @ApiProperty({ enum: PlayerType, enumName: 'PlayerType' }) type!: PlayerType;
  @ApiProperty({ format: 'date-time' }) joinedAt!: string;
}

export class GameSessionResponse implements GameSessionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ minLength: 1, maxLength: TITLE_MAX_LENGTH }) title!: string;
  @ApiProperty({ format: 'uuid', description: 'The Game Master.' }) ownerId!: string;
  @ApiProperty({ enum: GameSessionStatus, enumName: 'GameSessionStatus' }) status!: GameSessionStatus;
  @ApiProperty({ type: [ParticipantResponse], description: 'Current participants, in joining order.' })
  players!: ParticipantResponse[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: 'integer', minimum: 1, description: 'Grows by one with every change; the ETag is this version, quoted.' })
  version!: number;
}

export class GameSessionListResponse {
  @ApiProperty({ type: [GameSessionResponse] }) items!: GameSessionResponse[];
}

/** What `from` and `to` name: a status (SessionStatusChanged), a type (ParticipantTypeChanged), a user (GameMasterChanged). */
const MOVED_FROM_OR_TO = [
  { $ref: '#/components/schemas/GameSessionStatus' },
  { $ref: '#/components/schemas/PlayerType' },
  { type: 'string', format: 'uuid' },
];

export class SessionEventResponse {
  @ApiProperty({ enum: SESSION_EVENT_NAMES }) event!: GameSessionEventName;
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_SEQ, description: 'Starts at 1, one more per event of the session.' })
  seq!: number;
  @ApiProperty({ format: 'date-time' }) occurredAt!: Date;
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'ParticipantJoined, ParticipantLeft, ParticipantRenamed, ParticipantRestored, ParticipantTypeChanged, BanLifted',
  })
  userId?: string;
  @ApiPropertyOptional({
    type: 'string',
    nullable: true,
    minLength: 1,
    maxLength: DISPLAY_NAME_MAX_LENGTH,
    description: 'ParticipantJoined: the name they were seated under; ParticipantRenamed: the new name (null: cleared); ParticipantRestored: the name they are back under',
  })
  displayName?: string | null;
  @ApiPropertyOptional({ format: 'uuid', description: 'ParticipantRenamed: the participant themselves, or the Game Master' })
  renamedBy?: string;
  @ApiPropertyOptional({ enum: PlayerType, enumName: 'PlayerType', description: 'ParticipantJoined, ParticipantLeft, ParticipantRestored' })
  type?: PlayerType;
  @ApiPropertyOptional({ enum: ['removed', 'left'], description: 'ParticipantLeft' }) reason?: 'removed' | 'left';
  @ApiPropertyOptional({
    type: 'string',
    format: 'uuid',
    nullable: true,
    description: 'ParticipantLeft: the Game Master who removed them, null when they left',
  })
  removedBy?: string | null;
  @ApiPropertyOptional({ type: 'string', nullable: true, maxLength: NOTE_MAX_LENGTH, description: 'ParticipantLeft: why, in the words of whoever removed them (or left); null when none was given' })
  note?: string | null;
  @ApiPropertyOptional({ ...NULLABLE_BAN, description: 'ParticipantLeft: the ban that came with the removal; null when none' })
  ban?: BanView | null;
  @ApiPropertyOptional({ format: 'uuid', description: 'ParticipantLeft of a bulk removal: shared by all of its departures' })
  batch?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'ParticipantRestored: the Game Master who undid the removal' })
  restoredBy?: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_SEQ, description: 'ParticipantRestored: the seq of the ParticipantLeft it undoes' })
  undoes?: number;
  @ApiPropertyOptional({ format: 'uuid', description: 'ParticipantTypeChanged: the Game Master' })
  changedBy?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'BanLifted: the Game Master' })
  liftedBy?: string;
  @ApiPropertyOptional({ enum: ['Player', 'left'], description: 'GameMasterChanged: what became of the previous Game Master' })
  previousGameMaster?: PreviousGameMaster;
  @ApiPropertyOptional({ oneOf: MOVED_FROM_OR_TO, description: 'SessionStatusChanged: a status; ParticipantTypeChanged: a type; GameMasterChanged: a user id' })
  from?: string;
  @ApiPropertyOptional({ oneOf: MOVED_FROM_OR_TO, description: 'SessionStatusChanged: a status; ParticipantTypeChanged: a type; GameMasterChanged: a user id' })
  to?: string;
}

export class SessionEventListResponse {
  @ApiProperty({ type: [SessionEventResponse] }) items!: SessionEventResponse[];
}
