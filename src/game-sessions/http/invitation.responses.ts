import { ApiProperty } from '@nestjs/swagger';
import type { InvitationList, InvitationPreviewView, InvitationView, JoinRequestFiled, JoinRequestList, JoinRequestView } from '../../contract/invitations';
import { GameSessionStatus } from '../domain/game-session-status';
import { INVITE_MAX_USES, type InvitedType } from '../domain/invitation';
import { DISPLAY_NAME_MAX_LENGTH } from '../domain/participant';
import { PlayerType } from '../domain/player-type';

const INVITED_TYPES = [PlayerType.Player, PlayerType.Assistant, PlayerType.Guest];

export class InvitationResponse implements InvitationView {
  @ApiProperty({ minLength: 32, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$', description: 'Unguessable (192 random bits), URL-safe.' })
  code!: string;
  @ApiProperty({ enum: INVITED_TYPES, enumName: 'JoiningPlayerType' }) type!: InvitedType;
  @ApiProperty({ type: 'integer', nullable: true, minimum: 1, maximum: INVITE_MAX_USES, description: 'null: unlimited.' })
  maxUses!: number | null;
  @ApiProperty({ type: 'integer', minimum: 0 }) uses!: number;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty() approval!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ example: '/join/2b7Yk0…', description: "The console's page for it." }) path!: string;
}

export class InvitationListResponse implements InvitationList {
  @ApiProperty({ type: [InvitationResponse] }) items!: InvitationResponse[];
}

class GameMasterResponse {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ type: 'string', nullable: true, minLength: 1, maxLength: DISPLAY_NAME_MAX_LENGTH }) displayName!: string | null;
}

export class InvitationPreviewResponse implements InvitationPreviewView {
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: GameMasterResponse }) gameMaster!: GameMasterResponse;
  @ApiProperty({ enum: INVITED_TYPES, enumName: 'JoiningPlayerType' }) type!: InvitedType;
  @ApiProperty() approval!: boolean;
  @ApiProperty({ enum: GameSessionStatus, enumName: 'GameSessionStatus', description: "The session's status." }) status!: GameSessionStatus;
}

export class JoinRequestResponse implements JoinRequestView {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ type: 'string', nullable: true, minLength: 1, maxLength: DISPLAY_NAME_MAX_LENGTH }) displayName!: string | null;
  @ApiProperty({ enum: INVITED_TYPES, enumName: 'JoiningPlayerType' }) type!: InvitedType;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
}

export class JoinRequestListResponse implements JoinRequestList {
  @ApiProperty({ type: [JoinRequestResponse] }) items!: JoinRequestResponse[];
}

export class JoinRequestFiledResponse implements JoinRequestFiled {
  @ApiProperty({ type: JoinRequestResponse }) joinRequest!: JoinRequestResponse;
}
