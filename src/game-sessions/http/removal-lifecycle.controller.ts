import { Body, Controller, Delete, Get, HttpCode, Param, Post, UseFilters, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequestingUserId } from '../../auth/requesting-user.decorator';
import { ParseUuidPipe } from '../../common/request-validation';
import { responseHeaders } from '../../openapi/response-headers';
import { toBanEntryView, toGameSessionView } from '../application/game-session.views';
import type { ExpectedVersions } from '../application/game-sessions.service';
import { GameSessionsService } from '../application/game-sessions.service';
import { ApiBodyRouteProblems, ApiIdempotent, ApiIfMatch, ApiRouteProblems, ApiUuidParam } from './api-docs';
import { GameSessionResponse } from './game-session.responses';
import { IfMatch } from './if-match.decorator';
import { RemoveParticipantsRequest, askedOf } from './removal.requests';
import { BanListResponse, RemovalsResponse } from './removal.responses';
import { RuleRefusalFilter } from './rule-refusal.filter';
import { SessionETagInterceptor } from './session-etag.interceptor';

/** What follows a removal: undoing it, removing several at once, and the bans that removals left. */
@ApiTags('game-sessions')
@ApiBearerAuth()
@UseInterceptors(SessionETagInterceptor)
@UseFilters(RuleRefusalFilter)
@Controller('game-sessions/:id')
export class RemovalLifecycleController {
  constructor(private readonly sessions: GameSessionsService) {}

  @Post('participants/:userId/restore')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'restoreParticipant',
    summary: 'Undo a removal',
    description:
      "The Game Master puts back the user they last removed, within RESTORE_WINDOW_SECONDS (default 600) of the removal: same type, " +
      'same name, same place in the roster; a ban that came with that removal is lifted. Event ParticipantRestored; their sockets get RestoredToSession.',
  })
  @ApiUuidParam('id', 'The session.')
  @ApiUuidParam('userId', 'The removed user.')
  @ApiOkResponse({ type: GameSessionResponse, description: 'The session with them back.', headers: responseHeaders('ETag', 'Idempotent-Replayed') })
  @ApiRouteProblems(
    'VALIDATION_FAILED',
    'SESSION_NOT_FOUND',
    'NOT_GAME_MASTER',
    'SESSION_FINISHED',
    'SESSION_CANCELLED',
    'ALREADY_PARTICIPANT',
    'NOTHING_TO_RESTORE',
    'RESTORE_WINDOW_PASSED',
    'STALE_SESSION',
    'IDEMPOTENCY_KEY_IN_USE',
    'IDEMPOTENCY_KEY_REUSED',
  )
  @ApiIfMatch()
  @ApiIdempotent()
  async restore(
    @Param('id', ParseUuidPipe) id: string,
    @Param('userId', ParseUuidPipe) userId: string,
    @RequestingUserId() requester: string,
    @IfMatch() expected: ExpectedVersions,
  ) {
    return toGameSessionView(await this.sessions.restoreParticipant(id, userId, requester, expected));
  }

  @Post('removals')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'removeParticipants',
    summary: 'Remove several participants at once',
    description:
      'The Game Master removes up to 100 participants on the same note and ban, in one transaction: one ParticipantLeft per person ' +
      'removed, sharing a batch id, in seq order. Whoever cannot be removed is a result (PARTICIPANT_NOT_FOUND, CANNOT_REMOVE_MASTER), ' +
      'not a refusal of the whole. dryRun: the results, with would-remove, and nothing changed or published.',
  })
  @ApiUuidParam('id', 'The session.')
  @ApiOkResponse({ type: RemovalsResponse, description: 'A result per person, in the order given, and the session.', headers: responseHeaders('ETag', 'Idempotent-Replayed') })
  @ApiBodyRouteProblems(
    'SESSION_NOT_FOUND',
    'NOT_GAME_MASTER',
    'SESSION_FINISHED',
    'SESSION_CANCELLED',
    'STALE_SESSION',
    'IDEMPOTENCY_KEY_IN_USE',
    'IDEMPOTENCY_KEY_REUSED',
  )
  @ApiIfMatch()
  @ApiIdempotent()
  async removeParticipants(
    @Param('id', ParseUuidPipe) id: string,
    @Body() body: RemoveParticipantsRequest,
    @RequestingUserId() requester: string,
    @IfMatch() expected: ExpectedVersions,
  ) {
    const { results, session } = await this.sessions.removeParticipants(id, body.userIds, requester, expected, askedOf(body), body.dryRun ?? false);
    return { results, session: toGameSessionView(session) };
  }

  @Get('bans')
  @ApiOperation({
    operationId: 'listBans',
    summary: 'List the bans in force',
    description: 'The Game Master sees who is barred from the session, until when, why and by whom; lapsed and lifted bans are left out. Also on a frozen roster.',
  })
  @ApiUuidParam('id', 'The session.')
  @ApiOkResponse({ type: BanListResponse, description: 'The bans in force.' })
  @ApiRouteProblems('VALIDATION_FAILED', 'SESSION_NOT_FOUND', 'NOT_GAME_MASTER')
  async listBans(@Param('id', ParseUuidPipe) id: string, @RequestingUserId() requester: string) {
    const { bans } = await this.sessions.listBans(id, requester);
    return { items: bans.map(toBanEntryView) };
  }

  @Delete('bans/:userId')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'liftBan',
    summary: 'Lift a ban',
    description: 'The Game Master lifts a ban in force, also on a frozen roster. Event BanLifted. Seating them again is a separate act.',
  })
  @ApiUuidParam('id', 'The session.')
  @ApiUuidParam('userId', 'The banned user.')
  @ApiNoContentResponse({ description: 'Lifted.' })
  @ApiRouteProblems('VALIDATION_FAILED', 'SESSION_NOT_FOUND', 'NOT_GAME_MASTER', 'BAN_NOT_FOUND', 'STALE_SESSION')
  @ApiIfMatch()
  async liftBan(
    @Param('id', ParseUuidPipe) id: string,
    @Param('userId', ParseUuidPipe) userId: string,
    @RequestingUserId() requester: string,
    @IfMatch() expected: ExpectedVersions,
  ): Promise<void> {
    await this.sessions.liftBan(id, userId, requester, expected);
  }
}
