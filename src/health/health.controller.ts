import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { Public } from '../auth/public.decorator';
import { Database } from '../database/database';
import { ShutdownState } from '../lifecycle/shutdown-state';
import { ApiProblemResponse } from '../openapi/api-problems.decorator';

const READINESS_TIMEOUT_MS = 2000;

const HEALTHY: SchemaObject = {
  type: 'object',
  properties: { status: { type: 'string', enum: ['ok'] } },
  required: ['status'],
};

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly database: Database,
    private readonly shutdown: ShutdownState,
  ) {}

  @Get('live')
  @ApiOperation({ operationId: 'getLiveness', summary: 'Liveness', description: 'The process answers. Nothing else is checked.' })
  @ApiOkResponse({ schema: HEALTHY, description: 'Alive.' })
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({
    operationId: 'getReadiness',
    summary: 'Readiness',
    description: 'The instance takes work: 200 only while the database answers and the instance is not draining.',
  })
  @ApiOkResponse({ schema: HEALTHY, description: 'Ready.' })
  // Without Retry-After: a draining instance does not come back, and a load balancer polls on its own schedule.
  @ApiProblemResponse(503, ['SERVICE_UNAVAILABLE'])
  async ready() {
    if (this.shutdown.draining) throw new ServiceUnavailableException('The instance is shutting down');
    if (!(await this.database.health.ready(READINESS_TIMEOUT_MS))) throw new ServiceUnavailableException('The database does not answer');
    return { status: 'ok' };
  }
}
