import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDefined, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateIf } from 'class-validator';
import { TITLE_MAX_LENGTH } from '../domain/game-session';
import { MAX_SEQ } from '../domain/game-session.events';
import { GameSessionStatus } from '../domain/game-session-status';
import { DISPLAY_NAME_MAX_LENGTH } from '../domain/participant';
import { PlayerType } from '../domain/player-type';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const lowerCase = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.toLowerCase() : value);
/** Query values arrive as text: only plain integers become numbers, anything else fails @IsInt. */
const integer = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d{1,15}$/.test(value) ? Number(value) : value;

const DISPLAY_NAME_MESSAGE = `displayName must be 1 to ${DISPLAY_NAME_MAX_LENGTH} characters after trimming`;
const DISPLAY_NAME_SCHEMA = { type: 'string', minLength: 1, maxLength: DISPLAY_NAME_MAX_LENGTH, example: 'Ireena' } as const;

/** An optional `displayName`: 1–64 characters after trimming. Listed as they would stand above a property, bottom one first. */
export const OptionalDisplayName = (description: string): PropertyDecorator =>
  applyDecorators(
    IsString({ message: DISPLAY_NAME_MESSAGE }),
    Length(1, DISPLAY_NAME_MAX_LENGTH, { message: DISPLAY_NAME_MESSAGE }),
    Transform(trim),
    IsOptional(),
    ApiPropertyOptional({ ...DISPLAY_NAME_SCHEMA, description: `${description} Trimmed.` }),
  );

export class CreateGameSessionRequest {
  @ApiProperty({ minLength: 1, maxLength: TITLE_MAX_LENGTH, example: 'Curse of Strahd, night 3', description: 'Trimmed.' })
  @Transform(trim)
  // With stopAtFirstError, the decorator nearest the property is checked first.
  @Length(1, TITLE_MAX_LENGTH, { message: `title must be 1 to ${TITLE_MAX_LENGTH} characters after trimming` })
  @IsString({ message: 'title must be a string' })
  title!: string;
}

export class AddParticipantRequest {
  @ApiProperty({ format: 'uuid' })
  @Transform(lowerCase)
  @IsUUID('all', { message: 'userId must be a UUID' })
  userId!: string;

  @ApiProperty({ enum: [PlayerType.Player, PlayerType.Assistant, PlayerType.Guest], enumName: 'JoiningPlayerType' })
  @IsEnum(PlayerType, { message: `type must be one of: ${Object.values(PlayerType).join(', ')}` })
  type!: PlayerType;

  @OptionalDisplayName('What the table will call them.')
  displayName?: string;
}

/** A new name, a new type, or both; at least one. */
export class ChangeParticipantRequest {
  @ApiPropertyOptional({ ...DISPLAY_NAME_SCHEMA, nullable: true, description: 'The new name, trimmed; null clears it.' })
  @Transform(trim)
  @ValidateIf((request: ChangeParticipantRequest) => request.displayName !== null && (request.displayName !== undefined || request.type === undefined))
  @Length(1, DISPLAY_NAME_MAX_LENGTH, { message: `${DISPLAY_NAME_MESSAGE}, or null` })
  @IsString({ message: `${DISPLAY_NAME_MESSAGE}, or null` })
  @IsDefined({ message: 'displayName or type is required: a name (null clears it), a type, or both' })
  displayName?: string | null;

  @ApiPropertyOptional({ enum: PlayerType, enumName: 'PlayerType', description: "The participant's new part (the Game Master only); never Master." })
  @IsOptional()
  @IsEnum(PlayerType, { message: `type must be one of: ${Object.values(PlayerType).join(', ')}` })
  type?: PlayerType;
}

export class ChangeStatusRequest {
  @ApiProperty({ enum: GameSessionStatus, enumName: 'GameSessionStatus' })
  @IsEnum(GameSessionStatus, { message: `status must be one of: ${Object.values(GameSessionStatus).join(', ')}` })
  status!: GameSessionStatus;
}

export const EVENTS_DEFAULT_LIMIT = 100;
export const EVENTS_MAX_LIMIT = 1000;

export class ListEventsQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_SEQ, default: 0, description: 'Only events with a greater seq.' })
  @IsOptional()
  @Transform(integer)
  @Max(MAX_SEQ, { message: `afterSeq must be at most ${MAX_SEQ}` })
  @Min(0, { message: 'afterSeq must be a non-negative integer' })
  @IsInt({ message: 'afterSeq must be a non-negative integer' })
  afterSeq: number = 0;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: EVENTS_MAX_LIMIT, default: EVENTS_DEFAULT_LIMIT })
  @IsOptional()
  @Transform(integer)
  @IsInt({ message: `limit must be an integer from 1 to ${EVENTS_MAX_LIMIT}` })
  @Min(1, { message: `limit must be an integer from 1 to ${EVENTS_MAX_LIMIT}` })
  @Max(EVENTS_MAX_LIMIT, { message: `limit must be an integer from 1 to ${EVENTS_MAX_LIMIT}` })
  limit: number = EVENTS_DEFAULT_LIMIT;
}
