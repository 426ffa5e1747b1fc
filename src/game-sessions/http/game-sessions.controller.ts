import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, UseInterceptors, applyDecorators } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { RequestingUserId } from '../../auth/requesting-user.decorator';
import { IdempotencyInterceptor } from '../../common/idempotency/idempotency.interceptor';
import { toEventView, toGameSessionView } from '../application/game-session.views';
import type { ExpectedVersions } from '../application/game-sessions.service';
import { GameSessionsService } from '../application/game-sessions.service';
import { ApiProblems, PROBLEM_SCHEMA_MODELS } from './api-problems.decorator';
import { IfMatch } from './if-match.decorator';
import { SessionETagInterceptor } from './session-etag.interceptor';
import { AddParticipantRequest, ChangeStatusRequest, CreateGameSessionRequest, ListEventsQuery } from './game-session.requests';
import { GameSessionListResponse, GameSessionResponse, SessionEventListResponse } from './game-session.responses';
import { ParseUuidPipe } from '../../common/request-validation';

/** Documents If-Match on a change: a stale version answers 412 and changes nothing. */
const ApiIfMatch = () =>
  applyDecorators(
    ApiHeader({
      name: 'If-Match',
      required: false,
      description: 'The ETag of the session as last seen ("<version>"); a stale one answers 412 STALE_SESSION.',
    }),
  );

/** Documents Idempotency-Key on a POST: a retry replays the first response instead of acting twice. */
const ApiIdempotent = () =>
  applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Up to 255 visible ASCII characters, unique per intended change. A retry with the same key and body replays the ' +
        'first response (header Idempotent-Replayed: true); the same key with another body answers 422; a retry while ' +
        'the first still runs answers 409. Keys belong to the caller and expire after 24 hours.',
    }),
  );

@ApiTags('game-sessions')
@ApiBearerAuth()
@UseInterceptors(SessionETagInterceptor)
@ApiExtraModels(...PROBLEM_SCHEMA_MODELS)
@Controller('game-sessions')
export class GameSessionsController {
  constructor(private readonly sessions: GameSessionsService) {}

  @Post()
  @ApiOperation({ summary: 'Create a game session; the caller becomes its Game Master (Master participant).' })
  @ApiCreatedResponse({ type: GameSessionResponse })
  @ApiProblems('VALIDATION_FAILED', 'IDEMPOTENCY_KEY_IN_USE', 'IDEMPOTENCY_KEY_REUSED', 'PAYLOAD_TOO_LARGE')
  @ApiIdempotent()
  async create(@Body() body: CreateGameSessionRequest, @RequestingUserId() requester: string) {
    return toGameSessionView(await this.sessions.createSession(body.title, requester));
  }

  @Get()
  @ApiOperation({ summary: 'Sessions in which the caller is a current participant, newest first.' })
  @ApiOkResponse({ type: GameSessionListResponse })
  @ApiProblems()
  async listMine(@RequestingUserId() requester: string) {
    const sessions = await this.sessions.listSessionsOf(requester);
    return { items: sessions.map(toGameSessionView) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One session; to anyone but its current participants it does not exist (404).' })
  @ApiOkResponse({ type: GameSessionResponse })
  @ApiProblems('VALIDATION_FAILED', 'SESSION_NOT_FOUND')
  async get(@Param('id', ParseUuidPipe) id: string, @RequestingUserId() requester: string) {
    return toGameSessionView(await this.sessions.getSession(id, requester));
  }

  @Post(':id/participants')
  @ApiOperation({ summary: 'The Game Master seats a user as Player, Assistant or Guest.' })
  @ApiCreatedResponse({ type: GameSessionResponse })
  @ApiProblems(
    'VALIDATION_FAILED',
    'SESSION_NOT_FOUND',
    'NOT_GAME_MASTER',
    'SESSION_FINISHED',
    'SESSION_CANCELLED',
    'ALREADY_PARTICIPANT',
    'CANNOT_ADD_MASTER',
    'STALE_SESSION',
    'IDEMPOTENCY_KEY_IN_USE',
    'IDEMPOTENCY_KEY_REUSED',
    'PAYLOAD_TOO_LARGE',
  )
  @ApiIfMatch()
  @ApiIdempotent()
  async addParticipant(
    @Param('id', ParseUuidPipe) id: string,
    @Body() body: AddParticipantRequest,
    @RequestingUserId() requester: string,
    @IfMatch() expected: ExpectedVersions,
  ) {
    return toGameSessionView(await this.sessions.addParticipant(id, body.userId, body.type, requester, expected));
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'The Game Master moves the session: Draft→Scheduled→InProgress⇄Paused; any non-final→Finished or Cancelled.',
  })
  @ApiOkResponse({ type: GameSessionResponse })
  @ApiProblems(
    'VALIDATION_FAILED',
    'SESSION_NOT_FOUND',
    'NOT_GAME_MASTER',
    'INVALID_STATUS_TRANSITION',
    'STALE_SESSION',
    'PAYLOAD_TOO_LARGE',
  )
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
    summary: 'The Game Master removes a participant, or a participant leaves (userId = the caller). The Master stays.',
  })
  @ApiOkResponse({ type: GameSessionResponse, description: 'The session without that participant.' })
  @ApiProblems(
    'VALIDATION_FAILED',
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
    @RequestingUserId() requester: string,
    @IfMatch() expected: ExpectedVersions,
  ) {
    return toGameSessionView(await this.sessions.removeParticipant(id, userId, requester, expected));
  }

  @Get(':id/events')
  @ApiOperation({ summary: "The session's history (append-only event log), ascending seq." })
  @ApiOkResponse({ type: SessionEventListResponse })
  @ApiProblems('VALIDATION_FAILED', 'SESSION_NOT_FOUND')
  async listEvents(
    @Param('id', ParseUuidPipe) id: string,
    @Query() query: ListEventsQuery,
    @RequestingUserId() requester: string,
  ) {
    const events = await this.sessions.listEvents(id, requester, query);
    return { items: events.map(toEventView) };
  }
}
