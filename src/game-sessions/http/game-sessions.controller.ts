import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, UseFilters, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiNotModifiedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { RequestingUserId, RequestingUserName } from '../../auth/requesting-user.decorator';
import { responseHeaders } from '../../openapi/response-headers';
import { toEventView, toGameSessionView } from '../application/game-session.views';
import type { ExpectedVersions } from '../application/game-sessions.service';
import { GameSessionsService } from '../application/game-sessions.service';
import { CreatedLocationInterceptor, Creates } from './created-location.interceptor';
import { IfMatch } from './if-match.decorator';
import { RuleRefusalFilter } from './rule-refusal.filter';
import { SessionETagInterceptor } from './session-etag.interceptor';
import { AddParticipantRequest, ChangeParticipantRequest, ChangeStatusRequest, CreateGameSessionRequest, ListEventsQuery } from './game-session.requests';
import { HandOverGameMasterRequest, RemoveParticipantRequest, askedOf } from './removal.requests';
import { GameSessionListResponse, GameSessionResponse, SessionEventListResponse } from './game-session.responses';
import { ParseUuidPipe } from '../../common/request-validation';
import {
  ApiBodyRouteProblems,
  ApiChangedSession,
  ApiCreatedSession,
  ApiIdempotent,
  ApiIfMatch,
  ApiRouteProblems,
  ApiUuidParam,
} from './api-docs';

@ApiTags('game-sessions')
@ApiBearerAuth()
@UseInterceptors(SessionETagInterceptor, CreatedLocationInterceptor)
@UseFilters(RuleRefusalFilter)
@Controller('game-sessions')
export class GameSessionsController {
  constructor(private readonly sessions: GameSessionsService) {}

  @Post()
  @ApiOperation({
    operationId: 'createGameSession',
    summary: 'Create a game session',
    description:
      "The caller becomes its Game Master: its one Master participant, named by the token's `name` claim when it is 1–64 characters after trimming. The session starts as Draft.",
  })
  @ApiCreatedSession('The new session; Location is its path.')
  @ApiBodyRouteProblems('IDEMPOTENCY_KEY_IN_USE', 'IDEMPOTENCY_KEY_REUSED')
  @ApiIdempotent()
  @Creates((session) => session.id)
  async create(@Body() body: CreateGameSessionRequest, @RequestingUserId() requester: string, @RequestingUserName() name?: string) {
    return toGameSessionView(await this.sessions.createSession(body.title, requester, name));
  }

  @Get()
  @ApiOperation({
    operationId: 'listGameSessions',
    summary: "List the caller's sessions",
    description: 'Sessions in which the caller is a current participant, newest first.',
  })
  @ApiOkResponse({ type: GameSessionListResponse, description: "The caller's sessions." })
  @ApiRouteProblems()
  async listMine(@RequestingUserId() requester: string) {
    const sessions = await this.sessions.listSessionsOf(requester);
    return { items: sessions.map(toGameSessionView) };
  }

  @Get(':id')
  @ApiOperation({
    operationId: 'getGameSession',
    summary: 'Read a session',
    description:
      'To anyone but its current participants it does not exist (404); someone who was seated and is no longer gets REMOVED_FROM_SESSION, with how their seat ended. With If-None-Match naming its ETag: 304, no body.',
  })
  @ApiUuidParam('id', 'The session.')
  @ApiHeader({ name: 'If-None-Match', required: false, description: 'An ETag seen before; 304 while it is still current.' })
  @ApiOkResponse({ type: GameSessionResponse, description: 'The session.', headers: responseHeaders('ETag') })
  @ApiNotModifiedResponse({ description: 'The ETag given in If-None-Match is still current.', headers: responseHeaders('ETag') })
  @ApiRouteProblems('VALIDATION_FAILED', 'SESSION_NOT_FOUND', 'REMOVED_FROM_SESSION')
  async get(@Param('id', ParseUuidPipe) id: string, @RequestingUserId() requester: string) {
    return toGameSessionView(await this.sessions.getSession(id, requester));
  }

  @Post(':id/participants')
  @ApiOperation({
    operationId: 'addParticipant',
    summary: 'Seat a participant',
    description: 'The Game Master seats a user as Player, Assistant or Guest, under the displayName given (none: null).',
  })
  @ApiUuidParam('id', 'The session.')
  @ApiCreatedSession("The session with the new participant; Location is the participant's path in it.")
  @ApiBodyRouteProblems(
    'SESSION_NOT_FOUND',
    'NOT_GAME_MASTER',
    'SESSION_FINISHED',
    'SESSION_CANCELLED',
    'ALREADY_PARTICIPANT',
    'USER_BANNED',
    'CANNOT_ADD_MASTER',
    'STALE_SESSION',
    'IDEMPOTENCY_KEY_IN_USE',
    'IDEMPOTENCY_KEY_REUSED',
  )
  @ApiIfMatch()
  @ApiIdempotent()
  @Creates((_session, request: Request) => String((request.body as { userId: unknown }).userId).toLowerCase())
  async addParticipant(
    @Param('id', ParseUuidPipe) id: string,
    @Body() body: AddParticipantRequest,
    @RequestingUserId() requester: string,
    @IfMatch() expected: ExpectedVersions,
  ) {
    return toGameSessionView(await this.sessions.addParticipant(id, body.userId, body.type, requester, expected, body.displayName));
  }

  @Patch(':id/participants/:userId')
  @ApiOperation({
    operationId: 'changeParticipant',
    summary: "Rename a participant, change their type, or both",
    description:
      'displayName: the participant renames themselves, or the Game Master renames anyone; null clears the name. type: the Game Master ' +
      "changes a participant's part (never the Master's, never to Master). Both at once: one change, a ParticipantTypeChanged then a " +
      'ParticipantRenamed. What they already have changes nothing (200, no event, no new version).',
  })
  @ApiUuidParam('id', 'The session.')
  @ApiUuidParam('userId', 'The participant.')
  @ApiChangedSession('The session with the participant changed.')
  @ApiBodyRouteProblems(
    'SESSION_NOT_FOUND',
    'NOT_GAME_MASTER',
    'SESSION_FINISHED',
    'SESSION_CANCELLED',
    'PARTICIPANT_NOT_FOUND',
    'CANNOT_CHANGE_MASTER',
    'CANNOT_ADD_MASTER',
    'STALE_SESSION',
  )
  @ApiIfMatch()
  async changeParticipant(
    @Param('id', ParseUuidPipe) id: string,
    @Param('userId', ParseUuidPipe) userId: string,
    @Body() body: ChangeParticipantRequest,
    @RequestingUserId() requester: string,
    @IfMatch() expected: ExpectedVersions,
  ) {
    return toGameSessionView(await this.sessions.changeParticipant(id, userId, body, requester, expected));
  }

  @Post(':id/game-master')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'handOverGameMaster',
    summary: 'Hand over the Game Master role',
    description:
      'In one change the target, a current participant, becomes the Master and the owner; the Game Master becomes a Player (then: stay) ' +
      'or leaves (then: leave). One event, GameMasterChanged; there is exactly one Master at every moment.',
  })
  @ApiUuidParam('id', 'The session.')
  @ApiOkResponse({ type: GameSessionResponse, description: 'The session under its new Game Master.', headers: responseHeaders('ETag', 'Idempotent-Replayed') })
  @ApiBodyRouteProblems(
    'SESSION_NOT_FOUND',
    'NOT_GAME_MASTER',
    'SESSION_FINISHED',
    'SESSION_CANCELLED',
    'PARTICIPANT_NOT_FOUND',
    'ALREADY_GAME_MASTER',
    'STALE_SESSION',
    'IDEMPOTENCY_KEY_IN_USE',
    'IDEMPOTENCY_KEY_REUSED',
  )
  @ApiIfMatch()
  @ApiIdempotent()
  async handOverGameMaster(
    @Param('id', ParseUuidPipe) id: string,
    @Body() body: HandOverGameMasterRequest,
    @RequestingUserId() requester: string,
    @IfMatch() expected: ExpectedVersions,
  ) {
    return toGameSessionView(await this.sessions.handOverGameMaster(id, body.userId, body.then, requester, expected));
  }

  @Patch(':id')
  @ApiOperation({
    operationId: 'changeGameSessionStatus',
    summary: 'Move the session to another status',
    description: 'The Game Master moves the session: Draft→Scheduled→InProgress⇄Paused; any non-final→Finished or Cancelled.',
  })
  @ApiUuidParam('id', 'The session.')
  @ApiChangedSession('The session in its new status.')
  @ApiBodyRouteProblems('SESSION_NOT_FOUND', 'NOT_GAME_MASTER', 'INVALID_STATUS_TRANSITION', 'STALE_SESSION')
  @ApiIfMatch()
  async changeStatus(
    @Param('id', ParseUuidPipe) id: string,
    @Body() body: ChangeStatusRequest,
    @RequestingUserId() requester: string,
    @IfMatch() expected: ExpectedVersions,
  ) {
    return toGameSessionView(await this.sessions.changeStatus(id, body.status, requester, expected));
  }

  @Delete(':id/participants/:userId')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'removeParticipant',
    summary: 'Remove a participant, or leave',
    description:
      'The Game Master removes a participant, or a participant leaves (userId = the caller). The Master stays. An optional JSON body ' +
      'gives a note (the table reads it; the removed player is told it) and, for a removal, a ban that bars them from the session ' +
      'until ban.until (null: until lifted). No body: as without note and ban.',
  })
  @ApiUuidParam('id', 'The session.')
  @ApiUuidParam('userId', 'The participant to remove; the caller to leave.')
  @ApiBody({ type: RemoveParticipantRequest, required: false, description: 'Optional: without a body, a removal with no note and no ban.' })
  @ApiChangedSession('The session without that participant.')
  @ApiBodyRouteProblems(
    'SESSION_NOT_FOUND',
    'NOT_GAME_MASTER',
    'SESSION_FINISHED',
    'SESSION_CANCELLED',
    'PARTICIPANT_NOT_FOUND',
    'CANNOT_REMOVE_MASTER',
    'STALE_SESSION',
  )
  @ApiIfMatch()
  async removeParticipant(
    @Param('id', ParseUuidPipe) id: string,
    @Param('userId', ParseUuidPipe) userId: string,
    @Body() body: RemoveParticipantRequest,
    @RequestingUserId() requester: string,
    @IfMatch() expected: ExpectedVersions,
  ) {
    return toGameSessionView(await this.sessions.removeParticipant(id, userId, requester, expected, askedOf(body)));
  }

  @Get(':id/events')
  @ApiOperation({
    operationId: 'listSessionEvents',
    summary: "Read the session's history",
    description: 'The append-only event log of the session, in ascending seq, a page at a time (afterSeq, limit).',
  })
  @ApiUuidParam('id', 'The session.')
  @ApiOkResponse({ type: SessionEventListResponse, description: 'One page of the log: empty past its end.' })
  @ApiRouteProblems('VALIDATION_FAILED', 'SESSION_NOT_FOUND', 'REMOVED_FROM_SESSION')
  async listEvents(
    @Param('id', ParseUuidPipe) id: string,
    @Query() query: ListEventsQuery,
    @RequestingUserId() requester: string,
  ) {
    const events = await this.sessions.listEvents(id, requester, query);
    return { items: events.map(toEventView) };
  }
}
