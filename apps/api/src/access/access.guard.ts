import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppError } from '../platform/errors';
import { ACCESS_RULE, type AccessRule } from './access.decorator';

/** Deny by default: a route that declares no rule cannot be called by anyone. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (rule?.kind === 'public') return true;
    throw new AppError(403, 'forbidden', 'Forbidden', 'This route is not open to any caller.');
  }
}
