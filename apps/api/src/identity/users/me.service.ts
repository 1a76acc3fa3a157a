import { Injectable } from '@nestjs/common';
import type { Me } from '@coop/contracts';
import type { SessionEntity } from '../sessions/session.entity';
import { SessionsService } from '../sessions/sessions.service';
import type { UserEntity } from './user.entity';
import { toUser } from './users.service';

@Injectable()
export class MeService {
  constructor(private readonly sessions: SessionsService) {}

  describe({ user, session }: { user: UserEntity; session: SessionEntity }): Me {
    return {
      user: toUser(user),
      session: {
        id: session.id,
        verifiedAt: session.verifiedAt.toISOString(),
        expiresAt: session.expiresAt.toISOString(),
        idleTimeoutSeconds: this.sessions.idleMs / 1000,
        stepUpSeconds: this.sessions.stepUpMs / 1000,
      },
    };
  }
}
