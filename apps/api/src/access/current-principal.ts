import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Principal } from '../platform/principal';
import { AppError } from '../platform/errors';

/** The signed-in principal that the access guard attached to the request. */
export function principalOf(req: Request): Principal {
  const principal = req.user as Principal | undefined;
  if (!principal?.sessionId) {
    throw new AppError(
      401,
      'unauthenticated',
      'Sign-in required',
      'Sign in with your passkey to continue.',
    );
  }
  return principal;
}

/** The signed-in user and session of the request (routes with a signed-in access rule only). */
export const CurrentPrincipal = createParamDecorator((_data: unknown, ctx: ExecutionContext) =>
  principalOf(ctx.switchToHttp().getRequest<Request>()),
);
