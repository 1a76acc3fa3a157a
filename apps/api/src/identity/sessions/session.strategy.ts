import { Injectable } from '@nestjs/common';
import { AuthGuard, PassportStrategy } from '@nestjs/passport';
import { parse } from 'cookie';
import type { Request } from 'express';
import { Strategy } from 'passport-custom';
import { AppError } from '../../platform/errors';
import type { Principal } from '../../platform/principal';
import { SessionsService } from './sessions.service';

export const SESSION_COOKIE = '__Host-coop-session';

/** Passport strategy: the opaque session cookie, checked against the hashed copy in the database. */
@Injectable()
export class SessionStrategy extends PassportStrategy(Strategy, 'session') {
  constructor(private readonly sessions: SessionsService) {
    super();
  }

  async validate(req: Request): Promise<Principal | false> {
    const token = parse(req.headers.cookie ?? '')[SESSION_COOKIE];
    return (await this.sessions.authenticate(token)) ?? false;
  }
}

@Injectable()
export class SessionAuthGuard extends AuthGuard('session') {
  override handleRequest<T>(err: unknown, principal: T | false): T {
    if (err) throw err;
    if (!principal) {
      throw new AppError(
        401,
        'unauthenticated',
        'Sign-in required',
        'Sign in with your passkey to continue.',
      );
    }
    return principal;
  }
}
