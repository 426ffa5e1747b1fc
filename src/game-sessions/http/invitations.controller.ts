import { Body, Controller, Delete, Get, HttpCode, Param, Post, Res, UseFilters, UseInterceptors } from '@nestjs/common';
import type { Response } from 'express';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { RequestingUserId, RequestingUserName } from '../../auth/requesting-user.decorator';
import { ParseUuidPipe } from '../../common/request-validation';
import type { InvitationView, JoinRequestFiled } from '../../contract/invitations';
import type { GameSessionView } from '../../contract/session-views';
import { responseHeaders } from '../../openapi/response-headers';
import { toGameSessionView, toInvitationPreviewView, toInvitationView, toJoinRequestView } from '../application/game-session.views';
import { InvitationsService } from '../application/invitations.service';
import { ApiBodyRouteProblems, ApiCreatedSession, ApiIdempotent, ApiRouteProblems, ApiUuidParam, BANNED_USER_ASKING } from './api-docs';
import { CreatedLocationInterceptor, Creates } from './created-location.interceptor';
import { AcceptInvitationRequest, CreateInvitationRequest } from './invitation.requests';
import { InvitationListResponse, InvitationPreviewResponse, InvitationResponse, JoinRequestFiledResponse } from './invitation.responses';
import { RuleRefusalFilter } from './rule-refusal.filter';
import { SessionETagInterceptor } from './session-etag.interceptor';

const ApiCode = () => ApiParam({ name: 'code', description: 'The invitation code.', schema: { type: 'string', minLength: 1, maxLength: 64 } });
/** What a dead code answers, on every route that follows one. */
const DEAD_CODE = ['INVITE_NOT_FOUND', 'INVITE_EXPIRED', 'INVITE_USED_UP'] as const;

@ApiTags('invitations')
@ApiBearerAuth()
@UseInterceptors(SessionETagInterceptor, CreatedLocationInterceptor)
@UseFilters(RuleRefusalFilter)
@Controller()
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post('game-sessions/:id/invites')
  @ApiOperation({
    operationId: 'createInvitation',
    summary: 'Create an invitation link',
    description: 'The Game Master hands out a link that seats whoever follows it, as `type`, until revoked, expired or used up.',
  })
  @ApiUuidParam('id', 'The session.')
  @ApiCreatedResponse({ type: InvitationResponse, description: 'The invitation; Location is its path.', headers: responseHeaders('Location', 'Idempotent-Replayed') })
  @ApiBodyRouteProblems('SESSION_NOT_FOUND', 'NOT_GAME_MASTER', 'SESSION_FINISHED', 'SESSION_CANCELLED', 'IDEMPOTENCY_KEY_IN_USE', 'IDEMPOTENCY_KEY_REUSED')
  @ApiIdempotent()
  @Creates<InvitationView>((invitation) => invitation.code)
  async create(@Param('id', ParseUuidPipe) id: string, @Body() body: CreateInvitationRequest, @RequestingUserId() requester: string) {
    return toInvitationView(await this.invitations.create(id, requester, body));
  }

  @Get('game-sessions/:id/invites')
  @ApiOperation({ operationId: 'listInvitations', summary: "List the session's live invitations", description: 'Not revoked, not expired, not used up; newest first.' })
  @ApiUuidParam('id', 'The session.')
  @ApiOkResponse({ type: InvitationListResponse, description: 'The live invitations.' })
  @ApiRouteProblems('VALIDATION_FAILED', 'SESSION_NOT_FOUND', 'NOT_GAME_MASTER', 'SESSION_FINISHED', 'SESSION_CANCELLED')
  async list(@Param('id', ParseUuidPipe) id: string, @RequestingUserId() requester: string) {
    return { items: (await this.invitations.list(id, requester)).map(toInvitationView) };
  }

  @Delete('game-sessions/:id/invites/:code')
  @HttpCode(204)
  @ApiOperation({ operationId: 'revokeInvitation', summary: 'Revoke an invitation', description: 'At once: the code opens nothing from now on.' })
  @ApiUuidParam('id', 'The session.')
  @ApiCode()
  @ApiNoContentResponse({ description: 'Revoked.' })
  @ApiRouteProblems('VALIDATION_FAILED', 'SESSION_NOT_FOUND', 'NOT_GAME_MASTER', 'SESSION_FINISHED', 'SESSION_CANCELLED', 'INVITE_NOT_FOUND')
  async revoke(@Param('id', ParseUuidPipe) id: string, @Param('code') code: string, @RequestingUserId() requester: string): Promise<void> {
    await this.invitations.revoke(id, code, requester);
  }

  @Get('invites/:code')
  @ApiOperation({
    operationId: 'previewInvitation',
    summary: 'See what an invitation opens',
    description: 'Any signed-in user who holds the code; a dead code answers as accepting it would.',
  })
  @ApiCode()
  @ApiOkResponse({ type: InvitationPreviewResponse, description: 'The session it opens, its Game Master, and the seat it gives.' })
  @ApiRouteProblems(...DEAD_CODE)
  async preview(@Param('code') code: string) {
    return toInvitationPreviewView(await this.invitations.preview(code));
  }

  @Post('invites/:code/accept')
  @ApiOperation({
    operationId: 'acceptInvitation',
    summary: 'Follow an invitation: take the seat it gives',
    description:
      "Seated with the invitation's type, under `displayName` (else the token's name), and one use counted, in one transaction (201); where the invitation asks the Game Master first, the request is filed instead (202).",
  })
  @ApiCode()
  @ApiCreatedSession("The session with the caller seated; Location is the caller's path in it.")
  @ApiBodyRouteProblems(
    ...DEAD_CODE,
    'SESSION_FINISHED',
    'SESSION_CANCELLED',
    'ALREADY_PARTICIPANT',
    BANNED_USER_ASKING,
    'JOIN_REQUEST_PENDING',
    'IDEMPOTENCY_KEY_IN_USE',
    'IDEMPOTENCY_KEY_REUSED',
  )
  @ApiIdempotent()
  @ApiBody({ type: AcceptInvitationRequest, required: false, description: 'Optional: a request without a body is one without a name.' })
  @ApiAcceptedResponse({ type: JoinRequestFiledResponse, description: 'The invitation asks the Game Master first: the request now waiting.' })
  @Creates<GameSessionView | JoinRequestFiled>((answer, request) =>
    'id' in answer ? `/api/game-sessions/${answer.id}/participants/${(request.user as AuthenticatedUser).id}` : undefined,
  )
  async accept(
    @Param('code') code: string,
    @Body() body: AcceptInvitationRequest,
    @RequestingUserId() requester: string,
    @Res({ passthrough: true }) response: Response,
    @RequestingUserName() name?: string,
  ): Promise<GameSessionView | JoinRequestFiled> {
    const admission = await this.invitations.accept(code, requester, body.displayName, name);
    if ('seated' in admission) return toGameSessionView(admission.seated);
    response.status(202);
    return { joinRequest: toJoinRequestView(admission.filed) };
  }
}
