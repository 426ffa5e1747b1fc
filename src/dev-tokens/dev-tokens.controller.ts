import { Body, Controller, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';
import { ApiProblems, REQUEST_BODY_PROBLEMS } from '../openapi/api-problems.decorator';
import { DEV_TOKEN_TTL_SECONDS, DevTokenIssuer } from './dev-token-issuer';
import { DevTokenRequest } from './dev-token.request';

@ApiTags('development')
@Public()
@Controller('dev/tokens')
export class DevTokensController {
  constructor(private readonly issuer: DevTokenIssuer) {}

  @Post()
  @ApiOperation({
    operationId: 'mintDevToken',
    summary: 'Sign in as anyone (development only)',
    description: `A bearer token for any user, valid ${DEV_TOKEN_TTL_SECONDS / 60} minutes. Absent in production and with JWT_JWKS_URL.`,
  })
  // A token is not a resource with a path of its own: no Location.
  @ApiCreatedResponse({
    description: 'A token: send it as Authorization: Bearer <token>.',
    schema: {
      type: 'object',
      properties: { token: { type: 'string', example: 'eyJhbGciOiJIUzI1NiIs…' } },
      required: ['token'],
    },
  })
  @ApiProblems(...REQUEST_BODY_PROBLEMS, 'INTERNAL')
  async mint(@Body() body: DevTokenRequest) {
    return { token: await this.issuer.issue(body.userId) };
  }
}
