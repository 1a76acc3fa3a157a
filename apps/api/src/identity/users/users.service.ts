import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes, randomUUID } from 'node:crypto';
import { In, Repository, type EntityManager } from 'typeorm';
import {
  changeStatusSchema,
  type Approval,
  type AuditAction,
  type ChangeStatus,
  type Role,
  type UpdateUser,
  type User,
} from '@coop/contracts';
import { AuditService } from '../../audit';
import { AccessPolicy } from '../../platform/access';
import { validationError, type FieldError } from '../../platform/errors';
import { StatesService } from '../../states';
import type { Principal } from '../../platform/principal';
import {
  emailTaken,
  lastAdminStaysActive,
  ownRolesUnchangeable,
  ownStatusUnchangeable,
  statusChangeNotAllowed,
  userNotFound,
} from '../identity.errors';
import { ApprovalRequestsService, type Outcome } from '../approvals/approval-requests.service';
import { PasskeysService } from '../passkeys/passkeys.service';
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

const invalid = (error: FieldError) => validationError([error]);

const nameOf = (input: UpdateUser) =>
  input.displayName === undefined ? {} : { displayName: input.displayName };

/** Who carries out a change: the admin alone, or the second admin approving another's request. */
export interface ApprovedBy {
  actorId: string;
  approval?: { id: string; requestedBy: string };
}

const approvalDetails = (by: ApprovedBy) =>
  by.approval ? { approvalId: by.approval.id, requestedBy: by.approval.requestedBy } : {};

/** Serialises every change that could leave the platform without an active Registry admin. */
const ADMIN_COUNT_LOCK = 0x41444d4e; // "ADMN"

const STATUS_ACTIONS: Readonly<Record<ChangeStatus['status'], AuditAction>> = {
  active: 'user.reactivated',
  suspended: 'user.suspended',
  deactivated: 'user.deactivated',
};

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
    private readonly passkeys: PasskeysService,
    private readonly requests: ApprovalRequestsService,
    private readonly states: StatesService,
    private readonly audit: AuditService,
    private readonly access: AccessPolicy,
  ) {}

  async find(id: string, manager?: EntityManager): Promise<UserEntity> {
    const user = await (manager ?? this.users.manager).findOne(UserEntity, { where: { id } });
    if (!user) throw userNotFound();
    return user;
  }

  /** A new person in `invited` status, with a random WebAuthn user handle. */
  async createInvited(
    input: { displayName: string; email: string; roles: Role[]; stateCode: string | null },
    manager: EntityManager,
  ): Promise<UserEntity> {
    if (await manager.exists(UserEntity, { where: { email: input.email } })) {
      throw emailTaken(input.email);
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
  async membersOf(principal: Principal, stateCode: string): Promise<User[]> {
    await this.access.require(principal, 'state.members.read', [stateCode]);
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

  /**
   * Changes a person's name, roles or State. An admin may not change their own roles or State, and
   * changing a Registry admin's needs a second admin: such a change waits as a `user.update`
   * request (admins administer access, not content, and no one of them gives content roles alone).
   */
  async update(id: string, input: UpdateUser, actorId: string): Promise<Outcome<User>> {
    return this.users.manager.transaction(async (m) => {
      const user = await this.lockedUser(id, m);
      const next = this.nextRolesAndState(user, input);
      const accessChanges =
        next.roles.join() !== user.roles.join() || next.stateCode !== user.stateCode;
      if (accessChanges && id === actorId) {
        throw ownRolesUnchangeable();
      }
      if (accessChanges && user.roles.includes('registry_admin')) {
        if (next.stateCode && next.stateCode !== user.stateCode)
          await this.states.assertCanHaveMembers(next.stateCode, m);
        const change = { roles: next.roles, stateCode: next.stateCode, ...nameOf(input) };
        return { pending: await this.requests.file('user.update', user, change, actorId, m) };
      }
      return { done: await this.applyUpdate(user, input, { actorId }, m) };
    });
  }

  /** Carries out a `user.update` request a second admin approved. */
  async executeUpdate(
    id: string,
    change: Approval['change'],
    by: ApprovedBy,
    m: EntityManager,
  ): Promise<User> {
    const user = await this.lockedUser(id, m);
    return this.applyUpdate(
      user,
      { roles: change.roles, stateCode: change.stateCode, displayName: change.displayName },
      by,
      m,
    );
  }

  private async lockedUser(id: string, m: EntityManager): Promise<UserEntity> {
    const user = await m.findOne(UserEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!user) throw userNotFound();
    return user;
  }

  /** The roles and State an update leads to, refused when a focal point would have no State. */
  private nextRolesAndState(
    user: UserEntity,
    input: UpdateUser,
  ): { roles: Role[]; stateCode: string | null } {
    // registry_admin is granted and withdrawn only through its own two-person procedure.
    const roles =
      input.roles === undefined
        ? user.roles
        : [
            ...(user.roles.includes('registry_admin') ? (['registry_admin'] as Role[]) : []),
            ...input.roles.filter((r) => r !== 'registry_admin'),
          ];
    if (roles.length === 0)
      throw invalid({
        field: 'roles',
        message: 'a person needs at least one role',
        code: 'too_small',
        params: { minimum: 1, origin: 'array' },
      });
    let stateCode = user.stateCode;
    if (input.stateCode !== undefined) stateCode = input.stateCode;
    else if (!roles.includes('focal_point')) stateCode = null; // no longer a focal point
    const focal = roles.includes('focal_point');
    if (focal !== (stateCode !== null)) {
      throw invalid({
        field: 'stateCode',
        message: 'a focal point belongs to exactly one State, and only focal points do',
        code: focal ? 'focal-point-needs-state' : 'state-needs-focal-point',
      });
    }
    return { roles, stateCode };
  }

  private async applyUpdate(
    user: UserEntity,
    input: UpdateUser,
    by: ApprovedBy,
    m: EntityManager,
  ): Promise<User> {
    const before = {
      roles: [...user.roles],
      stateCode: user.stateCode,
      displayName: user.displayName,
    };
    const next = this.nextRolesAndState(user, input);
    if (input.displayName !== undefined) user.displayName = input.displayName;
    user.roles = next.roles;
    user.stateCode = next.stateCode;
    if (user.stateCode && user.stateCode !== before.stateCode)
      await this.states.assertCanHaveMembers(user.stateCode, m);
    await m.save(user);
    const subject = {
      actorId: by.actorId,
      subjectType: 'user',
      subjectId: user.id,
      stateCode: user.stateCode,
    };
    const via = approvalDetails(by);
    if (before.roles.join() !== user.roles.join()) {
      await this.audit.record(
        {
          ...subject,
          action: 'user.roles_changed',
          details: { from: before.roles, to: user.roles, ...via },
        },
        m,
      );
    }
    if (before.stateCode !== user.stateCode) {
      await this.audit.record(
        {
          ...subject,
          action: 'user.state_changed',
          details: { from: before.stateCode, to: user.stateCode, ...via },
        },
        m,
      );
    }
    if (before.displayName !== user.displayName) {
      await this.audit.record({ ...subject, action: 'user.renamed', details: via }, m);
    }
    return toUser(user);
  }

  /**
   * Suspends, deactivates or reactivates someone else. For a Registry admin the change waits for a
   * second admin (`user.status`), like granting the role: one admin cannot remove another alone.
   */
  async changeStatus(id: string, input: ChangeStatus, actorId: string): Promise<Outcome<User>> {
    return this.users.manager.transaction(async (m) => {
      const user = await this.lockedUser(id, m);
      if (id === actorId) throw ownStatusUnchangeable();
      await this.assertStatusChange(user, input, m);
      if (user.roles.includes('registry_admin')) {
        const change = { status: input.status, reason: input.reason };
        return { pending: await this.requests.file('user.status', user, change, actorId, m) };
      }
      return { done: await this.applyStatus(user, input, { actorId }, m) };
    });
  }

  /** Carries out a `user.status` request a second admin approved. */
  async executeStatus(
    id: string,
    change: Approval['change'],
    by: ApprovedBy,
    m: EntityManager,
  ): Promise<User> {
    const user = await this.lockedUser(id, m);
    const input = changeStatusSchema.parse({ status: change.status, reason: change.reason });
    await this.assertStatusChange(user, input, m);
    return this.applyStatus(user, input, by, m);
  }

  private async assertStatusChange(
    user: UserEntity,
    input: ChangeStatus,
    m: EntityManager,
  ): Promise<void> {
    const allowed: Record<string, string[]> = {
      // A deactivated person comes back without passkeys: they re-enrol with a recovery link.
      active: ['suspended', 'deactivated'],
      suspended: ['active', 'invited'],
      deactivated: ['active', 'suspended', 'invited'],
    };
    if (!allowed[input.status].includes(user.status)) {
      throw statusChangeNotAllowed(user.status, input.status);
    }
    if (
      input.status !== 'active' &&
      user.roles.includes('registry_admin') &&
      user.status === 'active' &&
      (await this.countActiveAdmins(m)) <= 1
    ) {
      throw lastAdminStaysActive();
    }
  }

  private async applyStatus(
    user: UserEntity,
    input: ChangeStatus,
    by: ApprovedBy,
    m: EntityManager,
  ): Promise<User> {
    const from = user.status;
    user.status = input.status;
    await m.save(user);
    let sessionsEnded = 0;
    if (input.status !== 'active')
      sessionsEnded = await this.sessions.revokeAll(user.id, input.status, m);
    if (input.status === 'deactivated') await this.passkeys.retireAll(user.id, m);
    const action = STATUS_ACTIONS[input.status];
    await this.audit.record(
      {
        action,
        actorId: by.actorId,
        subjectType: 'user',
        subjectId: user.id,
        stateCode: user.stateCode,
        details: { from, reason: input.reason, sessionsEnded, ...approvalDetails(by) },
      },
      m,
    );
    return toUser(user);
  }

  async byIds(ids: string[]): Promise<Map<string, UserEntity>> {
    const rows = ids.length ? await this.users.find({ where: { id: In(ids) } }) : [];
    return new Map(rows.map((u) => [u.id, u]));
  }
}
