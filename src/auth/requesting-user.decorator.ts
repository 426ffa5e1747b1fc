import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { AuthenticatedUser } from './authenticated-user';

/** The id of the authenticated caller, as the application layer wants it. */
export const RequestingUserId = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string =>
    context.switchToHttp().getRequest<{ user: AuthenticatedUser }>().user.id,
);

/** The name the caller's token gives (its `name` claim), if any: a suggestion, which the rules of the table may refuse. */
export const RequestingUserName = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string | undefined =>
    context.switchToHttp().getRequest<{ user: AuthenticatedUser }>().user.name,
);
