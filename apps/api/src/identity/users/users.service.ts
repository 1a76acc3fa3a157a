import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes, randomUUID } from 'node:crypto';
import { In, IsNull, Repository, type EntityManager } from 'typeorm';
import type { ChangeStatus, Role, UpdateUser, User } from '@coop/contracts';
import { AuditService } from '../../audit';
import { AppError } from '../../platform/errors';
import { StatesService } from '../../states';
import { Clock } from '../../platform/clock';
import { PasskeyEntity } from '../passkeys/passkey.entity';
import { SessionsService } from '../sessions/sessions.service';
import { UserEntity } from './user.entity';

export const toUser = (u: UserEntity): User => ({
  id: u.id,
  displayName: u.displayName,
  email: u.email,
  roles: u.roles,
  stateCode: u.stateCode,
  status: u.status,
  createdAt: u.createdAt.toISOString(),
});

const notFound = () => new AppError(404, 'not-found', 'Unknown user', 'No such user.');

/** Serialises every change that could leave the platform without an active Registry admin. */
const ADMIN_COUNT_LOCK = 0x41444d4e; // "ADMN"

export interface UserFilter {
  status?: string;
  role?: Role;
  stateCode?: string;
}

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly sessions: SessionsService,
    private readonly states: StatesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async find(id: string, manager?: EntityManager): Promise<UserEntity> {
    const user = await (manager ?? this.users.manager).findOne(UserEntity, { where: { id } });
    if (!user) throw notFound();
    return user;
  }

  /** A new person in `invited` status, with a random WebAuthn user handle. */
  async createInvited(
    input: { displayName: string; email: string; roles: Role[]; stateCode: string | null },
    manager: EntityManager,
  ): Promise<UserEntity> {
    if (await manager.exists(UserEntity, { where: { email: input.email } })) {
      throw new AppError(
        409,
        'conflict',
        'Already registered',
        `A user with the email ${input.email} already exists.`,
      );
    }
    if (input.stateCode) await this.states.assertCanHaveMembers(input.stateCode, manager);
    return manager.save(
      manager.create(UserEntity, {
        ...input,
        id: randomUUID(),
        status: 'invited',
        webauthnUserId: randomBytes(32),
      }),
    );
  }

  async list(filter: UserFilter): Promise<User[]> {
    const qb = this.users.createQueryBuilder('u').orderBy('u.display_name', 'ASC');
    if (filter.status) qb.andWhere('u.status = :status', { status: filter.status });
    if (filter.role) qb.andWhere(':role = ANY(u.roles)', { role: filter.role });
    if (filter.stateCode) qb.andWhere('u.state_code = :state', { state: filter.stateCode });
    return (await qb.getMany()).map(toUser);
  }

  async get(id: string): Promise<User> {
    return toUser(await this.find(id));
  }

  /** Active members of one State (its focal points), as its own focal points may see them. */
  async membersOf(stateCode: string): Promise<User[]> {
    await this.states.get(stateCode);
    return this.list({ stateCode, status: 'active' });
  }

  /**
   * Counts active Registry admins inside the caller's transaction, holding a transaction-wide
   * lock first: two admins removing each other at the same moment must not both see two admins
   * and leave none. The lock is released when the caller's transaction ends.
   */
  async countActiveAdmins(manager: EntityManager): Promise<number> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [ADMIN_COUNT_LOCK]);
    return manager
      .createQueryBuilder(UserEntity, 'u')
      .where("u.status = 'active' AND 'registry_admin' = ANY(u.roles)")
      .getCount();
  }

  async update(id: string, input: UpdateUser, actorId: string): Promise<User> {
    return this.users.manager.transaction(async (m) => {
      const user = await m.findOne(UserEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user) throw notFound();
      const before = {
        roles: [...user.roles],
        stateCode: user.stateCode,
        displayName: user.displayName,
      };
      if (input.displayName !== undefined) user.displayName = input.displayName;
      // registry_admin is granted and withdrawn only through its own two-person procedure.
      if (input.roles !== undefined) {
        user.roles = [
          ...(user.roles.includes('registry_admin') ? (['registry_admin'] as Role[]) : []),
          ...input.roles,
        ];
      }
      if (user.roles.length === 0) {
        throw new AppError(
          422,
          'validation',
          'Validation failed',
          'roles: a person needs at least one role',
          {
            errors: [{ field: 'roles', message: 'a person needs at least one role' }],
          },
        );
      }
      if (input.stateCode !== undefined) user.stateCode = input.stateCode;
      else if (!user.roles.includes('focal_point')) user.stateCode = null; // no longer a focal point
      const focal = user.roles.includes('focal_point');
      if (focal !== (user.stateCode !== null)) {
        throw new AppError(
          422,
          'validation',
          'Validation failed',
          'stateCode: a focal point belongs to exactly one State, and only focal points do',
          {
            errors: [
              {
                field: 'stateCode',
                message: 'a focal point belongs to exactly one State, and only focal points do',
              },
            ],
          },
        );
      }
      if (user.stateCode && user.stateCode !== before.stateCode)
        await this.states.assertCanHaveMembers(user.stateCode, m);
      await m.save(user);
      const subject = { actorId, subjectType: 'user', subjectId: id, stateCode: user.stateCode };
      if (before.roles.join() !== user.roles.join()) {
        await this.audit.record(
          {
            ...subject,
            action: 'user.roles_changed',
            details: { from: before.roles, to: user.roles },
          },
          m,
        );
      }
      if (before.stateCode !== user.stateCode) {
        await this.audit.record(
          {
            ...subject,
            action: 'user.state_changed',
            details: { from: before.stateCode, to: user.stateCode },
          },
          m,
        );
      }
      if (before.displayName !== user.displayName) {
        await this.audit.record({ ...subject, action: 'user.renamed' }, m);
      }
      return toUser(user);
    });
  }

  async changeStatus(id: string, input: ChangeStatus, actorId: string): Promise<User> {
    return this.users.manager.transaction(async (m) => {
      const user = await m.findOne(UserEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user) throw notFound();
      if (id === actorId)
        throw new AppError(
          409,
          'conflict',
          'Not on yourself',
          'Ask another Registry admin to change your own status.',
        );
      const allowed: Record<string, string[]> = {
        // A deactivated person comes back without passkeys: they re-enrol with a recovery link.
        active: ['suspended', 'deactivated'],
        suspended: ['active', 'invited'],
        deactivated: ['active', 'suspended', 'invited'],
      };
      if (!allowed[input.status].includes(user.status)) {
        throw new AppError(
          409,
          'conflict',
          'Not allowed',
          `A ${user.status} user cannot become ${input.status}.`,
        );
      }
      if (
        input.status !== 'active' &&
        user.roles.includes('registry_admin') &&
        user.status === 'active' &&
        (await this.countActiveAdmins(m)) <= 1
      ) {
        throw new AppError(
          409,
          'last-admin',
          'Last Registry admin',
          'The last active Registry admin cannot be suspended or deactivated.',
        );
      }
      const from = user.status;
      user.status = input.status;
      await m.save(user);
      let sessionsEnded = 0;
      if (input.status !== 'active')
        sessionsEnded = await this.sessions.revokeAll(id, input.status, m);
      if (input.status === 'deactivated') {
        await m.update(
          PasskeyEntity,
          { userId: id, revokedAt: IsNull() },
          { revokedAt: this.clock.now() },
        );
      }
      const action = {
        active: 'user.reactivated',
        suspended: 'user.suspended',
        deactivated: 'user.deactivated',
      }[input.status];
      await this.audit.record(
        {
          action,
          actorId,
          subjectType: 'user',
          subjectId: id,
          stateCode: user.stateCode,
          details: { from, reason: input.reason, sessionsEnded },
        },
        m,
      );
      return toUser(user);
    });
  }

  async byIds(ids: string[]): Promise<Map<string, UserEntity>> {
    const rows = ids.length ? await this.users.find({ where: { id: In(ids) } }) : [];
    return new Map(rows.map((u) => [u.id, u]));
  }
}
