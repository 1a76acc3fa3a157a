import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '../principal';
import { unauthenticated } from '../errors';

// Keyed by the request object so the principal is not an untyped property anyone can set on it.
const principals = new WeakMap<object, Principal>();

/** Called by the access guard once it has authenticated the request. */
export function attachPrincipal(req: FastifyRequest, principal: Principal): void {
  principals.set(req, principal);
}

/** The principal the access guard attached, if any (for request logs, which never refuse). */
export function attachedPrincipal(req: object): Principal | undefined {
  return principals.get(req);
}

/** The signed-in principal that the access guard attached to the request. */
export function principalOf(req: FastifyRequest): Principal {
  const principal = principals.get(req);
  if (!principal) {
    throw unauthenticated('Sign in with your passkey to continue.');
  }
  return principal;
}

/** The signed-in user and session of the request (routes with a signed-in access rule only). */
export const CurrentPrincipal = createParamDecorator((_data: unknown, ctx: ExecutionContext) =>
  principalOf(ctx.switchToHttp().getRequest<FastifyRequest>()),
);
