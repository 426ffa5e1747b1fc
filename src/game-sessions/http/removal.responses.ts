import { ApiProperty } from '@nestjs/swagger';
import { PROBLEM_CODES } from '../../contract/problems';
import type { BanEntryView, BanList, RemovalResult, RemovalsView } from '../../contract/removals';
import { GameSessionResponse } from './game-session.responses';

export class RemovalResultResponse implements RemovalResult {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({
    enum: ['removed', 'would-remove', ...Object.keys(PROBLEM_CODES)],
    description: 'removed; would-remove (dry run); or the problem code that kept this one person seated (PARTICIPANT_NOT_FOUND, CANNOT_REMOVE_MASTER).',
  })
  outcome!: RemovalResult['outcome'];
}

export class RemovalsResponse implements RemovalsView {
  @ApiProperty({ type: [RemovalResultResponse], description: 'One per userId, in the order given.' }) results!: RemovalResultResponse[];
  @ApiProperty({ type: GameSessionResponse, description: 'The session after the removals (unchanged by a dry run).' }) session!: GameSessionResponse;
}

export class BanEntryResponse implements BanEntryView {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ type: 'string', nullable: true, description: 'The name they had at the table.' }) displayName!: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, description: 'null: until lifted.' }) until!: string | null;
  @ApiProperty({ type: 'string', nullable: true, description: 'The removal note.' }) note!: string | null;
  @ApiProperty({ format: 'uuid', description: 'The Game Master who removed and banned them.' }) bannedBy!: string;
  @ApiProperty({ format: 'date-time' }) bannedAt!: string;
}

export class BanListResponse implements BanList {
  @ApiProperty({ type: [BanEntryResponse], description: 'Bans in force; lapsed and lifted ones are left out.' }) items!: BanEntryResponse[];
}
