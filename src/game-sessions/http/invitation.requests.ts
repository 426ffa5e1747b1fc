import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { INVITE_DEFAULT_SECONDS, INVITE_MAX_SECONDS, INVITE_MAX_USES, INVITE_MIN_SECONDS, type InvitedType } from '../domain/invitation';
import { PlayerType } from '../domain/player-type';
import { OptionalBody } from '../../common/request-validation';
import { OptionalDisplayName } from './game-session.requests';

const INVITED_TYPES: InvitedType[] = [PlayerType.Player, PlayerType.Assistant, PlayerType.Guest];

export class CreateInvitationRequest {
  @ApiProperty({ enum: INVITED_TYPES, enumName: 'JoiningPlayerType', description: 'What whoever follows it is seated as.' })
  @IsIn(INVITED_TYPES, { message: `type must be one of: ${INVITED_TYPES.join(', ')}` })
  type!: InvitedType;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: INVITE_MAX_USES, description: 'Absent: unlimited.' })
  @IsOptional()
  @IsInt({ message: `maxUses must be an integer from 1 to ${INVITE_MAX_USES}` })
  @Min(1, { message: `maxUses must be an integer from 1 to ${INVITE_MAX_USES}` })
  @Max(INVITE_MAX_USES, { message: `maxUses must be an integer from 1 to ${INVITE_MAX_USES}` })
  maxUses?: number;

  // The default is said, not declared: a declared default would make generated clients require the field.
  @ApiPropertyOptional({
    type: 'integer',
    minimum: INVITE_MIN_SECONDS,
    maximum: INVITE_MAX_SECONDS,
    description: `Absent: ${INVITE_DEFAULT_SECONDS} (7 days).`,
  })
  @IsOptional()
  @IsInt({ message: `expiresInSeconds must be an integer from ${INVITE_MIN_SECONDS} to ${INVITE_MAX_SECONDS}` })
  @Min(INVITE_MIN_SECONDS, { message: `expiresInSeconds must be an integer from ${INVITE_MIN_SECONDS} to ${INVITE_MAX_SECONDS}` })
  @Max(INVITE_MAX_SECONDS, { message: `expiresInSeconds must be an integer from ${INVITE_MIN_SECONDS} to ${INVITE_MAX_SECONDS}` })
  expiresInSeconds?: number;

  @ApiPropertyOptional({ description: 'Joining asks the Game Master first. Absent: false.' })
  @IsOptional()
  @IsBoolean({ message: 'approval must be true or false' })
  approval?: boolean;
}

@OptionalBody()
export class AcceptInvitationRequest {
  @OptionalDisplayName('The name to sit under; absent: the token\'s name, if it is one.')
  displayName?: string;
}
