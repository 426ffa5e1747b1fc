import { Controller, Delete, Get, HttpCode, Param, Post, UseFilters, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequestingUserId } from '../../auth/requesting-user.decorator';
import { ParseUuidPipe } from '../../common/request-validation';
import { toGameSessionView, toJoinRequestView } from '../application/game-session.views';
import { JoinRequestsService } from '../application/join-requests.service';
import { ApiCreatedSession, ApiIdempotent, ApiRouteProblems, ApiUuidParam } from './api-docs';
import { CreatedLocationInterceptor, Creates } from './created-location.interceptor';
import { JoinRequestListResponse } from './invitation.responses';
import { RuleRefusalFilter } from './rule-refusal.filter';
import { SessionETagInterceptor } from './session-etag.interceptor';

const ApiRequester = () => ApiUuidParam('userId', 'Whose request.');

@ApiTags('invitations')
@ApiBearerAuth()
@UseInterceptors(SessionETagInterceptor, CreatedLocationInterceptor)
@UseFilters(RuleRefusalFilter)
@Controller('game-sessions/:id/join-requests')
export class JoinRequestsController {
  constructor(private readonly requests: JoinRequestsService) {}

  @Get()
  @ApiOperation({ operationId: 'listJoinRequests', summary: 'The waiting room', description: 'The join requests waiting for the Game Master, oldest first.' })
  @ApiUuidParam('id', 'The session.')
  @ApiOkResponse({ type: JoinRequestListResponse, description: 'The waiting requests.' })
  @ApiRouteProblems('VALIDATION_FAILED', 'SESSION_NOT_FOUND', 'NOT_GAME_MASTER')
  async list(@Param('id', ParseUuidPipe) id: string, @RequestingUserId() requester: string) {
    return { items: (await this.requests.list(id, requester)).map(toJoinRequestView) };
  }

  @Post(':userId/approve')
  @ApiOperation({ operationId: 'approveJoinRequest', summary: 'Approve: seat the requester', description: 'Seated with the type and name they asked for.' })
  @ApiUuidParam('id', 'The session.')
  @ApiRequester()
  @ApiCreatedSession("The session with the requester seated; Location is their path in it.")
  @ApiRouteProblems(
    'VALIDATION_FAILED',
    'SESSION_NOT_FOUND',
    'NOT_GAME_MASTER',
    'SESSION_FINISHED',
    'SESSION_CANCELLED',
    'JOIN_REQUEST_NOT_FOUND',
    'ALREADY_PARTICIPANT',
    'USER_BANNED',
    'IDEMPOTENCY_KEY_IN_USE',
    'IDEMPOTENCY_KEY_REUSED',
  )
  @ApiIdempotent()
  @Creates((session, request) => `/api/game-sessions/${session.id}/participants/${String(request.params.userId).toLowerCase()}`)
  async approve(@Param('id', ParseUuidPipe) id: string, @Param('userId', ParseUuidPipe) userId: string, @RequestingUserId() requester: string) {
    return toGameSessionView(await this.requests.approve(id, userId, requester));
  }

  @Post(':userId/deny')
  @HttpCode(204)
  @ApiOperation({ operationId: 'denyJoinRequest', summary: 'Deny: turn the requester away', description: 'The request is gone; the requester is told.' })
  @ApiUuidParam('id', 'The session.')
  @ApiRequester()
  @ApiNoContentResponse({ description: 'Denied.' })
  @ApiRouteProblems('VALIDATION_FAILED', 'SESSION_NOT_FOUND', 'NOT_GAME_MASTER', 'JOIN_REQUEST_NOT_FOUND')
  async deny(@Param('id', ParseUuidPipe) id: string, @Param('userId', ParseUuidPipe) userId: string, @RequestingUserId() requester: string): Promise<void> {
    await this.requests.deny(id, userId, requester);
  }

  @Delete(':userId')
  @HttpCode(204)
  @ApiOperation({ operationId: 'withdrawJoinRequest', summary: 'Withdraw my request', description: 'Only the requester; the Game Master is told.' })
  @ApiUuidParam('id', 'The session.')
  @ApiRequester()
  @ApiNoContentResponse({ description: 'Withdrawn.' })
  @ApiRouteProblems('VALIDATION_FAILED', 'SESSION_NOT_FOUND', 'NOT_GAME_MASTER', 'JOIN_REQUEST_NOT_FOUND')
  async withdraw(@Param('id', ParseUuidPipe) id: string, @Param('userId', ParseUuidPipe) userId: string, @RequestingUserId() requester: string): Promise<void> {
    await this.requests.withdraw(id, userId, requester);
  }
}
