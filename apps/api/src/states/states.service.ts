import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';
import type { CreateState, RecordWithdrawal, State, StateRevision } from '@coop/contracts';
import { AuditService } from '../audit';
import { Clock } from '../platform/clock';
import { StateRevisionEntity } from './state-revision.entity';
import { StateEntity } from './state.entity';
import {
  stateExists,
  stateNotFound,
  stateWithdrawn,
  unknownStateField,
  withdrawalBeforeEntryIntoForce,
} from './states.errors';

const toState = (e: StateEntity): State => ({
  code: e.code,
  names: e.names,
  regionalGroup: e.regionalGroup,
  entryIntoForce: e.entryIntoForce,
  withdrawalEffective: e.withdrawalEffective,
});

@Injectable()
export class StatesService {
  constructor(
    @InjectRepository(StateEntity) private readonly states: Repository<StateEntity>,
    @InjectRepository(StateRevisionEntity)
    private readonly revisions: Repository<StateRevisionEntity>,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<State[]> {
    return (await this.states.find({ order: { code: 'ASC' } })).map(toState);
  }

  async get(code: string): Promise<State> {
    const state = await this.states.findOne({ where: { code } });
    if (!state) throw stateNotFound(code);
    return toState(state);
  }

  /** Members can be attached to a State only while the Statute is in force for it. */
  async assertCanHaveMembers(code: string, manager?: EntityManager): Promise<void> {
    const state = await (manager ?? this.states.manager).findOne(StateEntity, { where: { code } });
    if (!state) throw unknownStateField(code);
    if (
      state.withdrawalEffective &&
      state.withdrawalEffective <= this.clock.now().toISOString().slice(0, 10)
    ) {
      throw stateWithdrawn(code, state.withdrawalEffective);
    }
  }

  async create(input: CreateState, actorId: string): Promise<State> {
    return this.states.manager.transaction(async (m) => {
      if (await m.exists(StateEntity, { where: { code: input.code } })) {
        throw stateExists(input.code);
      }
      const state = await m.save(m.create(StateEntity, input));
      await this.keepRevision(m, state, actorId, 'created');
      await this.audit.record(
        {
          action: 'state.created',
          actorId,
          subjectType: 'state',
          subjectId: input.code,
          stateCode: input.code,
        },
        m,
      );
      return toState(state);
    });
  }

  async recordWithdrawal(code: string, input: RecordWithdrawal, actorId: string): Promise<State> {
    return this.states.manager.transaction(async (m) => {
      const state = await m.findOne(StateEntity, {
        where: { code },
        lock: { mode: 'pessimistic_write' },
      });
      if (!state) throw stateNotFound(code);
      if (input.withdrawalEffective <= state.entryIntoForce) {
        throw withdrawalBeforeEntryIntoForce();
      }
      state.withdrawalEffective = input.withdrawalEffective;
      await m.save(state);
      await this.keepRevision(m, state, actorId, 'withdrawal recorded');
      await this.audit.record(
        {
          action: 'state.withdrawal_recorded',
          actorId,
          subjectType: 'state',
          subjectId: code,
          stateCode: code,
          details: { withdrawalEffective: input.withdrawalEffective },
        },
        m,
      );
      return toState(state);
    });
  }

  async history(code: string): Promise<StateRevision[]> {
    await this.get(code);
    const rows = await this.revisions.find({
      where: { code },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return rows.map((r) => ({
      snapshot: r.snapshot as State,
      reason: r.reason,
      actorId: r.actorId,
      createdAt: r.createdAt.toISOString(),
    }));
  }

  private async keepRevision(
    m: EntityManager,
    state: StateEntity,
    actorId: string | null,
    reason: string,
  ) {
    await m.save(StateRevisionEntity, {
      code: state.code,
      snapshot: toState(state),
      actorId,
      reason,
    });
  }
}
