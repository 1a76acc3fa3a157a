import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import passport from 'passport';
import type { Principal } from '../principal';
import { forbidden, stepUpRequired } from '../errors';
import { ACCESS_RULE, type AccessRule } from './access.decorator';
import { attachPrincipal, principalOf } from './current-principal';
import { PRINCIPAL_SOURCE, type PrincipalSource } from './principal-source';

/** Deny by default: a route that declares no rule cannot be called by anyone. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(PRINCIPAL_SOURCE) private readonly principals: PrincipalSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) throw forbidden('This route is not open to any caller.');
    if (rule.kind === 'public') return true;

    const http = context.switchToHttp();
    const req = http.getRequest<FastifyRequest>();
    const found = await this.authenticate(req, http.getResponse<FastifyReply>());
    if (found) attachPrincipal(req, found);
    const principal = principalOf(req);
    if (rule.roles.length > 0 && !rule.roles.some((role) => principal.roles.includes(role))) {
      throw forbidden(`This action needs one of the roles: ${rule.roles.join(', ')}.`);
    }
    if (rule.stepUp && !this.principals.isFreshlyVerified(principal)) {
      throw stepUpRequired();
    }
    return true;
  }

  /** Runs the Passport strategy the principal source names; no principal when it fails. */
  private authenticate(req: FastifyRequest, res: FastifyReply): Promise<Principal | null> {
    return new Promise((resolve, reject) => {
      const done = (err: unknown, principal: Principal | false) =>
        err
          ? reject(err instanceof Error ? err : new Error(String(err)))
          : resolve(principal || null);
      passport.authenticate(this.principals.strategy, { session: false }, done)(req, res, reject);
    });
  }
}
