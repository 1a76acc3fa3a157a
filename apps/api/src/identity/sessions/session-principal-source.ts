import { Injectable } from '@nestjs/common';
import { parse } from 'cookie';
import type { FastifyRequest } from 'fastify';
import type { PrincipalSource } from '../../platform/access';
import type { Principal } from '../../platform/principal';
import { SessionsService } from './sessions.service';

export const SESSION_COOKIE = '__Host-coop-session';

/** The principal behind the opaque session cookie, checked against the hashed copy in the database. */
@Injectable()
export class SessionPrincipalSource implements PrincipalSource {
  constructor(private readonly sessions: SessionsService) {}

  authenticate(req: FastifyRequest): Promise<Principal | null> {
    return this.sessions.authenticate(parse(req.headers.cookie ?? '')[SESSION_COOKIE]);
  }

  isFreshlyVerified(principal: Principal): boolean {
    return this.sessions.isFreshlyVerified(principal);
  }
}
