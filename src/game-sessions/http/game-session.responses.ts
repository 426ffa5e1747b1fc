import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { GameSessionEventName } from '../domain/game-session.events';
import type { GameSessionView } from '../application/game-session.views';
import { GameSessionStatus } from '../domain/game-session-status';
import { PlayerType } from '../domain/player-type';
import { PROBLEM_CODES, ProblemDetails } from '../../common/problem-details';

export class ParticipantResponse {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ enum: PlayerType, enumName: 'PlayerType' }) type!: PlayerType;
  @ApiProperty({ format: 'date-time' }) joinedAt!: string;
}

export class GameSessionResponse implements GameSessionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'uuid', description: 'The Game Master.' }) ownerId!: string;
  @ApiProperty({ enum: GameSessionStatus, enumName: 'GameSessionStatus' }) status!: GameSessionStatus;
  @ApiProperty({ type: [ParticipantResponse], description: 'Current participants, in joining order.' })
  players!: ParticipantResponse[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ description: 'Grows by one with every change.' }) version!: number;
}

export class GameSessionListResponse {
  @ApiProperty({ type: [GameSessionResponse] }) items!: GameSessionResponse[];
}

const EVENT_NAMES: GameSessionEventName[] = ['ParticipantJoined', 'ParticipantLeft', 'SessionStatusChanged'];

export class SessionEventResponse {
  @ApiProperty({ enum: EVENT_NAMES }) event!: GameSessionEventName;
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty({ description: 'Starts at 1, one more per event of the session.' }) seq!: number;
  @ApiProperty({ format: 'date-time' }) occurredAt!: Date;
  @ApiPropertyOptional({ format: 'uuid', description: 'ParticipantJoined, ParticipantLeft' }) userId?: string;
  @ApiPropertyOptional({ enum: PlayerType, enumName: 'PlayerType', description: 'ParticipantJoined, ParticipantLeft' })
  type?: PlayerType;
  @ApiPropertyOptional({ enum: ['removed', 'left'], description: 'ParticipantLeft' }) reason?: 'removed' | 'left';
  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    description: 'ParticipantLeft: the Game Master who removed them, null when they left',
  })
  removedBy?: string | null;
  @ApiPropertyOptional({ enum: GameSessionStatus, enumName: 'GameSessionStatus', description: 'SessionStatusChanged' })
  from?: GameSessionStatus;
  @ApiPropertyOptional({ enum: GameSessionStatus, enumName: 'GameSessionStatus', description: 'SessionStatusChanged' })
  to?: GameSessionStatus;
}

export class SessionEventListResponse {
  @ApiProperty({ type: [SessionEventResponse] }) items!: SessionEventResponse[];
}

export class ProblemDetailsResponse implements ProblemDetails {
  @ApiProperty({ description: 'A URI naming the code: urn:game-session-roster:problem:<code in kebab case>' })
  type!: string;
  @ApiProperty({ example: 'Not Found' }) title!: string;
  @ApiProperty({ example: 404 }) status!: number;
  @ApiProperty({ example: 'Game session not found' }) detail!: string;
  @ApiProperty({ enum: Object.keys(PROBLEM_CODES), enumName: 'ProblemCode' }) code!: string;
}
