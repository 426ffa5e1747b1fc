import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';
import { Database } from '../database/database';
import { ShutdownState } from '../lifecycle/shutdown-state';

const READINESS_TIMEOUT_MS = 2000;

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly database: Database,
    private readonly shutdown: ShutdownState,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers.' })
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: 200 only while the database answers and the instance is not draining.' })
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  @ApiServiceUnavailableResponse({ description: 'SERVICE_UNAVAILABLE problem document' })
  async ready() {
    if (this.shutdown.draining) throw new ServiceUnavailableException('The instance is shutting down');
    if (!(await this.database.health.ready(READINESS_TIMEOUT_MS))) throw new ServiceUnavailableException('The database does not answer');
    return { status: 'ok' };
  }
}
