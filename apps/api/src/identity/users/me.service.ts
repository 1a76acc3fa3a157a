import { Injectable } from '@nestjs/common';
import type { Me } from '@coop/contracts';
import type { Principal } from '../../platform/principal';
import { SessionsService } from '../sessions/sessions.service';

@Injectable()
export class MeService {
  constructor(private readonly sessions: SessionsService) {}

  describe(principal: Principal): Me {
    return {
      user: {
        id: principal.userId,
        displayName: principal.displayName,
        email: principal.email,
        roles: [...principal.roles],
        stateCode: principal.stateCode,
        status: principal.status,
        createdAt: principal.userCreatedAt.toISOString(),
      },
      session: {
        id: principal.sessionId,
        verifiedAt: principal.verifiedAt.toISOString(),
        expiresAt: principal.expiresAt.toISOString(),
        idleTimeoutSeconds: this.sessions.idleMs / 1000,
        stepUpSeconds: this.sessions.stepUpMs / 1000,
      },
    };
  }
}
