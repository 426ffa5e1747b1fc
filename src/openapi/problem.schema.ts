import { ApiProperty } from '@nestjs/swagger';
import { PROBLEM_CODES, ProblemDetails } from '../contract/problems';

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
}
