import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { IsNull, Repository, type EntityManager, type FindOptionsWhere } from 'typeorm';
import type { Role, Session, UserStatus } from '@coop/contracts';
import { AuditService } from '../../audit';
import { NoticesService } from '../../notices';
import { AccessPolicy } from '../../platform/access';
import { Clock } from '../../platform/clock';
import { APP_CONFIG, type AppConfig } from '../../platform/config';
import type { Principal } from '../../platform/principal';
import type { UserEntity } from '../users/user.entity';
import { sessionNotFound } from '../identity.errors';
import { hashSecretToken, looksLikeToken, newSecretToken } from '../secret-token';
import { SessionEntity } from './session.entity';

interface PrincipalRow {
  session_id: string;
  passkey_id: string | null;
  last_seen_at: Date;
  verified_at: Date;
  expires_at: Date;
  user_id: string;
  display_name: string;
  email: string;
  roles: Role[];
  state_code: string | null;
  status: UserStatus;
  user_created_at: Date;
}

/** Every request reads its caller with this one statement, so it is written once, by hand. */
const PRINCIPAL_BY_TOKEN = `
  SELECT s.id AS session_id, s.passkey_id, s.last_seen_at, s.verified_at, s.expires_at,
         u.id AS user_id, u.display_name, u.email, u.roles, u.state_code, u.status,
         u.created_at AS user_created_at
    FROM sessions s JOIN users u ON u.id = s.user_id
   WHERE s.token_hash = $1 AND s.revoked_at IS NULL`;

/** The principal of a session just opened or confirmed, from the rows the ceremony holds. */
export function toPrincipal(user: UserEntity, session: SessionEntity): Principal {
  return Object.freeze({
    userId: user.id,
    displayName: user.displayName,
    email: user.email,
    roles: Object.freeze([...user.roles]),
    stateCode: user.stateCode,
    status: user.status,
    userCreatedAt: user.createdAt,
    sessionId: session.id,
    passkeyId: session.passkeyId,
    verifiedAt: session.verifiedAt,
    expiresAt: session.expiresAt,
  });
}

/** Activity is written at most this often, so reads do not each cost a write. */
const TOUCH_INTERVAL_MS = 60_000;

@Injectable()
export class SessionsService {
  constructor(
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    private readonly audit: AuditService,
    private readonly notices: NoticesService,
    private readonly access: AccessPolicy,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get idleMs(): number {
    return this.config.SESSION_IDLE_MINUTES * 60_000;
  }

  /** Opens a session after a user-verified ceremony; returns the cookie token (shown once). */
  async open(
    user: UserEntity,
    passkeyId: string,
    userAgent: string | undefined,
    manager: EntityManager,
  ): Promise<{ token: string; session: SessionEntity }> {
    const now = this.clock.now();
    const { token, hash } = newSecretToken();
    const session = manager.create(SessionEntity, {
      id: randomUUID(),
      tokenHash: hash,
      userId: user.id,
      passkeyId,
      lastSeenAt: now,
      verifiedAt: now,
      expiresAt: new Date(now.getTime() + this.config.SESSION_ABSOLUTE_HOURS * 3_600_000),
      userAgent: (userAgent ?? 'unknown').slice(0, 200),
      revokedAt: null,
      revokedReason: null,
    });
    await manager.save(session);
    return { token, session };
  }

  /**
   * The signed-in principal for a cookie token, or null if it is unknown, ended or idle, or its
   * user is not active. One query for the session and its user together.
   */
  async authenticate(token: string | undefined): Promise<Principal | null> {
    if (!looksLikeToken(token)) return null;
    const [row] = await this.sessions.query<PrincipalRow[]>(PRINCIPAL_BY_TOKEN, [
      hashSecretToken(token),
    ]);
    if (!row) return null;
    const now = this.clock.now();
    const lastSeen = row.last_seen_at.getTime();
    if (row.expires_at <= now || lastSeen + this.idleMs <= now.getTime()) return null;
    if (row.status !== 'active') return null;
    if (now.getTime() - lastSeen > TOUCH_INTERVAL_MS)
      await this.sessions.update({ id: row.session_id }, { lastSeenAt: now });
    return Object.freeze({
      userId: row.user_id,
      displayName: row.display_name,
      email: row.email,
      roles: Object.freeze(row.roles),
      stateCode: row.state_code,
      status: row.status,
      userCreatedAt: row.user_created_at,
      sessionId: row.session_id,
      passkeyId: row.passkey_id,
      verifiedAt: row.verified_at,
      expiresAt: row.expires_at,
    });
  }

  /**
   * Marks a session freshly verified and gives it a new token: a token copied before the step-up
   * must not carry the new privilege (ASVS V7.2.4). Returns the new cookie token.
   */
  async rotateVerified(sessionId: string, manager?: EntityManager): Promise<string> {
    const { token, hash } = newSecretToken();
    await (manager ?? this.sessions.manager).update(
      SessionEntity,
      { id: sessionId },
      { tokenHash: hash, verifiedAt: this.clock.now() },
    );
    return token;
  }

  /** Ends the session a cookie still names when the browser signs in again, whoever it was. */
  async endReplaced(token: string | undefined, manager: EntityManager): Promise<void> {
    if (!looksLikeToken(token)) return;
    await manager.update(
      SessionEntity,
      { tokenHash: hashSecretToken(token), revokedAt: IsNull() },
      { revokedAt: this.clock.now(), revokedReason: 'replaced by a new sign-in' },
    );
  }

  get stepUpMs(): number {
    return this.config.STEP_UP_MINUTES * 60_000;
  }

  isFreshlyVerified(session: Pick<Principal, 'verifiedAt'>): boolean {
    return this.clock.now().getTime() - session.verifiedAt.getTime() < this.stepUpMs;
  }

  async listActive(userId: string, currentSessionId?: string): Promise<Session[]> {
    const now = this.clock.now();
    const rows = await this.sessions.find({
      where: { userId, revokedAt: IsNull() },
      order: { lastSeenAt: 'DESC' },
    });
    return rows
      .filter((s) => s.expiresAt > now && s.lastSeenAt.getTime() + this.idleMs > now.getTime())
      .map((s) => ({
        id: s.id,
        createdAt: s.createdAt.toISOString(),
        lastSeenAt: s.lastSeenAt.toISOString(),
        expiresAt: s.expiresAt.toISOString(),
        userAgent: s.userAgent,
        current: s.id === currentSessionId,
      }));
  }

  /** The signed-in user ends one of their own sessions. */
  async revoke(principal: Principal, sessionId: string): Promise<void> {
    await this.access.require(principal, 'session.revoke', [sessionId]);
    await this.end({ id: sessionId }, principal.userId, 'revoked by the user');
  }

  /** Ends a session of the user the caller names: a Registry admin's, or their own sign-out. */
  revokeOf(userId: string, sessionId: string, actorId: string, reason: string): Promise<void> {
    return this.end({ id: sessionId, userId }, actorId, reason);
  }

  private async end(
    where: FindOptionsWhere<SessionEntity>,
    actorId: string,
    reason: string,
  ): Promise<void> {
    await this.sessions.manager.transaction(async (m) => {
      const { raw } = await m
        .createQueryBuilder()
        .update(SessionEntity)
        .set({ revokedAt: this.clock.now(), revokedReason: reason })
        .where({ ...where, revokedAt: IsNull() })
        .returning('id, user_id')
        .execute();
      const [ended] = raw as { id: string; user_id: string }[];
      if (!ended) throw sessionNotFound();
      const userId = ended.user_id;
      const sessionId = ended.id;
      if (actorId !== userId) await this.notices.notify(userId, 'sessions-ended', { count: 1 }, m);
      await this.audit.record(
        {
          action: 'session.revoked',
          actorId,
          subjectType: 'user',
          subjectId: userId,
          details: { sessionId, reason },
        },
        m,
      );
    });
  }

  /** Ends the sessions a passkey opened (the passkey was revoked); returns how many. */
  async revokeOpenedWith(
    passkeyId: string,
    reason: string,
    manager: EntityManager,
  ): Promise<number> {
    const result = await manager.update(
      SessionEntity,
      { passkeyId, revokedAt: IsNull() },
      { revokedAt: this.clock.now(), revokedReason: reason },
    );
    return result.affected ?? 0;
  }

  /** Ends every session of a user at once (suspension, deactivation, lost device). */
  async revokeAll(userId: string, reason: string, manager: EntityManager): Promise<number> {
    const result = await manager.update(
      SessionEntity,
      { userId, revokedAt: IsNull() },
      {
        revokedAt: this.clock.now(),
        revokedReason: reason,
      },
    );
    return result.affected ?? 0;
  }
}
