import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import { PROBLEM_CODES, ProblemDetails, RemovalView } from '../contract/problems';
import type { BanView } from '../contract/session-views';

/**
 * A ban as answers carry it, or null. Written out, not a $ref: in OpenAPI 3.0 `nullable` does not
 * reach into a referenced schema, so a null would fail `allOf: [$ref]`.
 */
export const NULLABLE_BAN: ApiPropertyOptions = {
  type: 'object',
  nullable: true,
  required: ['until'],
  properties: { until: { type: 'string', format: 'date-time', nullable: true, description: 'Until this instant (UTC); null: until the Game Master lifts it.' } },
};


/** REMOVED_FROM_SESSION's extension member: how the caller's latest seat ended. */
class Removal implements RemovalView {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ enum: ['removed', 'left'] }) reason!: 'removed' | 'left';
  @ApiProperty({
    type: 'object',
    nullable: true,
    required: ['userId', 'displayName'],
    properties: {
      userId: { type: 'string', format: 'uuid' },
      displayName: { type: 'string', nullable: true, description: 'As the roster names them now; null when it does not.' },
    },
    description: 'The Game Master who removed them; null when they left.',
  })
  removedBy!: RemovalView['removedBy'];
  @ApiProperty({ type: 'string', nullable: true, description: "Why, in the remover's (or their own) words; null when nobody said." })
  note!: string | null;
  @ApiProperty({ ...NULLABLE_BAN, description: 'The ban that came with the removal, unless lifted since.' })
  ban!: BanView | null;
}

/** An RFC 9457 problem document, as every refusal is shaped: the schema `Problem` of the OpenAPI document. */
export class Problem implements ProblemDetails {
  @ApiProperty({
    format: 'uri',
    description: 'A URI naming the code: urn:game-session-roster:problem:<code in kebab case>',
    example: 'urn:game-session-roster:problem:session-not-found',
  })
  type!: string;
  @ApiProperty({ description: "The status's reason phrase.", example: 'Not Found' }) title!: string;
  @ApiProperty({ type: 'integer', minimum: 400, maximum: 599, example: 404 }) status!: number;
  @ApiProperty({ example: 'Game session not found' }) detail!: string;
  @ApiProperty({ enum: Object.keys(PROBLEM_CODES), enumName: 'ProblemCode' }) code!: string;
  @ApiPropertyOptional({ type: Removal, description: 'REMOVED_FROM_SESSION only.' }) removal?: Removal;
}
