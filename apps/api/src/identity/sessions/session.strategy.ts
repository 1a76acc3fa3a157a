import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { parse } from 'cookie';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-custom';
import type { PrincipalSource } from '../../platform/access';
import type { Principal } from '../../platform/principal';
import { SessionsService } from './sessions.service';

export const SESSION_COOKIE = '__Host-coop-session';
const SESSION_STRATEGY = 'session';

/** The Passport strategy: the opaque session cookie, checked against its hashed copy in the database. */
@Injectable()
export class SessionStrategy extends PassportStrategy(Strategy, SESSION_STRATEGY) {
  constructor(private readonly sessions: SessionsService) {
    super();
  }

  async validate(req: FastifyRequest): Promise<Principal | false> {
    return (
      (await this.sessions.authenticate(parse(req.headers.cookie ?? '')[SESSION_COOKIE])) ?? false
    );
  }
}

/** What the access guard needs of identity: the strategy's name and the step-up rule. */
@Injectable()
export class SessionPrincipalSource implements PrincipalSource {
  readonly strategy = SESSION_STRATEGY;

  constructor(private readonly sessions: SessionsService) {}

  isFreshlyVerified(principal: Principal): boolean {
    return this.sessions.isFreshlyVerified(principal);
  }
}
