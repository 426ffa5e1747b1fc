import { Body, Controller, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';
import { DEV_TOKEN_TTL_SECONDS, DevTokenIssuer } from './dev-token-issuer';
import { DevTokenRequest } from './dev-token.request';

@ApiTags('development')
@Public()
@Controller('dev/tokens')
export class DevTokensController {
  constructor(private readonly issuer: DevTokenIssuer) {}

  @Post()
  @ApiOperation({
    summary: `Development only: a bearer token for any user, valid ${DEV_TOKEN_TTL_SECONDS / 60} minutes. Absent in production and with JWT_JWKS_URL.`,
  })
  @ApiCreatedResponse({ schema: { example: { token: 'eyJhbGciOiJIUzI1NiIs…' } } })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: userId must be a UUID' })
  mint(@Body() body: DevTokenRequest) {
    return { token: this.issuer.issue(body.userId) };
  }
}
