import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { OptionalBody } from '../../common/request-validation';
import type { RemovalAsked } from '../application/game-sessions.service';
import { NOTE_MAX_LENGTH } from '../domain/removal-terms';

/** An instant: a date, a time and a zone (Z or an offset); a date alone names no instant. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;
const UNTIL_MESSAGE = 'ban.until must be an ISO 8601 instant with its zone (e.g. 2026-12-24T18:00:00Z), or null';
export const MAX_BULK_REMOVALS = 100;

export class BanRequest {
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, description: 'In the future; null: until the Game Master lifts it. Answered in UTC.' })
  @ValidateIf((ban: BanRequest) => ban.until !== null)
  @Matches(INSTANT, { message: UNTIL_MESSAGE })
  @IsString({ message: UNTIL_MESSAGE })
  @IsDefined({ message: 'ban.until is required: an instant, or null for a ban until lifted' })
  until!: string | null;
}

/** `note` and `ban`, shared by a single removal and a bulk one. Listed as they would stand above a property, bottom one first. */
const OptionalNote = () =>
  applyDecorators(
    IsString({ message: `note must be 1 to ${NOTE_MAX_LENGTH} characters after trimming` }),
    IsOptional(),
    ApiPropertyOptional({
      minLength: 1,
      maxLength: NOTE_MAX_LENGTH,
      description: 'Why, for the whole table to read (the removed player is told it too). Trimmed; 1–512 characters.',
    }),
  );
const OptionalBan = () =>
  applyDecorators(
    ValidateNested(),
    Type(() => BanRequest),
    IsObject({ message: 'ban must be an object: { "until": <instant> | null }' }),
    IsOptional(),
    ApiPropertyOptional({ type: BanRequest, description: 'Bars them from this session until `until`. Only with a removal by the Game Master.' }),
  );

/** The removal's terms as the service takes them: the instant read as one. */
export const askedOf = ({ note, ban }: { note?: string; ban?: BanRequest }): RemovalAsked => ({
  note,
  ban: ban && { until: ban.until === null ? null : new Date(ban.until) },
});

@OptionalBody()
export class RemoveParticipantRequest {
  @OptionalNote()
  note?: string;

  @OptionalBan()
  ban?: BanRequest;
}

const USER_IDS_MESSAGE = `userIds must be 1 to ${MAX_BULK_REMOVALS} UUIDs`;

export class RemoveParticipantsRequest {
  @ApiProperty({ type: 'array', items: { type: 'string', format: 'uuid' }, minItems: 1, maxItems: MAX_BULK_REMOVALS, uniqueItems: true })
  @Transform(({ value }) => (Array.isArray(value) ? value.map((id) => (typeof id === 'string' ? id.toLowerCase() : id)) : value))
  @ArrayUnique({ message: 'userIds must be distinct' })
  @IsUUID('all', { each: true, message: USER_IDS_MESSAGE })
  @ArrayMaxSize(MAX_BULK_REMOVALS, { message: USER_IDS_MESSAGE })
  @ArrayMinSize(1, { message: USER_IDS_MESSAGE })
  @IsArray({ message: USER_IDS_MESSAGE })
  userIds!: string[];

  @OptionalNote()
  note?: string;

  @OptionalBan()
  ban?: BanRequest;

  @ApiPropertyOptional({ description: 'Only say what would happen: nothing is changed or published. Absent: false.' })
  @IsOptional()
  @IsBoolean({ message: 'dryRun must be true or false' })
  dryRun?: boolean;
}

export class HandOverGameMasterRequest {
  @ApiProperty({ format: 'uuid', description: 'A current participant, who becomes the Master and the owner.' })
  @Transform(({ value }) => (typeof value === 'string' ? value.toLowerCase() : value))
  @IsUUID('all', { message: 'userId must be a UUID' })
  userId!: string;

  @ApiProperty({ enum: ['stay', 'leave'], description: 'What the handing Game Master does: stay as a Player, or leave the session.' })
  @IsIn(['stay', 'leave'], { message: 'then must be "stay" or "leave"' })
  then!: 'stay' | 'leave';
}
