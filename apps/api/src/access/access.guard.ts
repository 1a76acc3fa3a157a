import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { SessionAuthGuard, SessionsService } from '../identity';
import { principalOf } from './current-principal';
import { AppError } from '../platform/errors';
import { ACCESS_RULE, type AccessRule } from './access.decorator';

/** Deny by default: a route that declares no rule cannot be called by anyone. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessionAuth: SessionAuthGuard,
    private readonly sessions: SessionsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule)
      throw new AppError(403, 'forbidden', 'Forbidden', 'This route is not open to any caller.');
    if (rule.kind === 'public') return true;

    await this.sessionAuth.canActivate(context);
    const req = context.switchToHttp().getRequest<Request>();
    const principal = principalOf(req);
    const held = rule.roles.filter((role) => principal.roles.includes(role));
    if (rule.roles.length > 0 && held.length === 0) {
      throw new AppError(
        403,
        'forbidden',
        'Forbidden',
        `This action needs one of the roles: ${rule.roles.join(', ')}.`,
      );
    }
    if (rule.ownStateParam) {
      const scoped = held.every((role) => role === 'focal_point');
      const state = req.params[rule.ownStateParam];
      if (scoped && state !== principal.stateCode) {
        throw new AppError(
          403,
          'forbidden',
          'Forbidden',
          'Focal points act only for their own State.',
        );
      }
    }
    if (rule.stepUp && !this.sessions.isFreshlyVerified(principal)) {
      throw new AppError(
        401,
        'step-up-required',
        'Confirm with your passkey',
        'This action needs a fresh confirmation with your passkey.',
      );
    }
    return true;
  }
}
