import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';
import type { AuditAction, AuditEntry, AuditQuery } from '@coop/contracts';
import { Clock } from '../platform/clock';
import { AuditEntryEntity } from './audit-entry.entity';
import {
  ChainVerifier,
  entryHash,
  GENESIS_HASH,
  type AuditContent,
  type ChainVerdict,
} from './audit-chain';

export interface AuditEvent {
  action: AuditAction;
  actorId: string | null;
  subjectType?: string;
  subjectId?: string;
  stateCode?: string | null;
  /** Identifiers and outcomes only: never secrets, tokens, keys or content. */
  details?: Record<string, unknown>;
}

/** Serialises appends so the chain stays linear whatever the concurrency. */
const AUDIT_LOCK = 0x4155444954; // "AUDIT"

@Injectable()
export class AuditService {
  constructor(
    @InjectRepository(AuditEntryEntity) private readonly entries: Repository<AuditEntryEntity>,
    private readonly clock: Clock,
  ) {}

  /**
   * Appends inside the caller's transaction when one is given, so an action and its audit entry
   * commit or roll back together.
   */
  async record(event: AuditEvent, manager?: EntityManager): Promise<void> {
    if (manager?.queryRunner?.isTransactionActive) return this.append(event, manager);
    await this.entries.manager.transaction((m) => this.append(event, m));
  }

  private async append(event: AuditEvent, manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK]);
    const last = await manager.findOne(AuditEntryEntity, { where: {}, order: { seq: 'DESC' } });
    const prevHash = last?.hash ?? GENESIS_HASH;
    const content: AuditContent = {
      seq: String(BigInt(last?.seq ?? '0') + 1n),
      at: this.clock.now().toISOString(),
      actorId: event.actorId,
      action: event.action,
      subjectType: event.subjectType ?? null,
      subjectId: event.subjectId ?? null,
      stateCode: event.stateCode ?? null,
      details: event.details ?? {},
    };
    await manager.save(AuditEntryEntity, {
      ...content,
      at: new Date(content.at),
      prevHash,
      hash: entryHash(prevHash, content),
    });
  }

  async list(query: AuditQuery): Promise<{ entries: AuditEntry[]; nextCursor: string | null }> {
    const qb = this.entries.createQueryBuilder('a');
    if (query.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: query.actorId });
    if (query.action) qb.andWhere('a.action = :action', { action: query.action });
    if (query.stateCode) qb.andWhere('a.state_code = :stateCode', { stateCode: query.stateCode });
    if (query.from) qb.andWhere('a.at >= :from', { from: query.from });
    if (query.to) qb.andWhere('a.at < :to', { to: query.to });
    if (query.before) qb.andWhere('a.seq < :before', { before: query.before });
    const rows = await qb
      .orderBy('a.seq', 'DESC')
      .limit(query.limit + 1)
      .getMany();
    const page = rows.slice(0, query.limit);
    return {
      entries: page.map(toAuditEntry),
      nextCursor: rows.length > query.limit ? page[page.length - 1].seq : null,
    };
  }

  /** Recomputes the whole chain from the first entry, in pages. */
  async verify(pageSize = 1000): Promise<ChainVerdict> {
    const verifier = new ChainVerifier();
    for (let after = '0'; ;) {
      const rows = await this.entries
        .createQueryBuilder('a')
        .where('a.seq > :after', { after })
        .orderBy('a.seq', 'ASC')
        .limit(pageSize)
        .getMany();
      for (const row of rows) {
        if (!verifier.push({ ...row, at: row.at.toISOString() })) return verifier.verdict();
      }
      if (rows.length < pageSize) return verifier.verdict();
      after = rows[rows.length - 1].seq;
    }
  }
}

export function toAuditEntry(row: AuditEntryEntity): AuditEntry {
  return {
    seq: row.seq,
    at: row.at.toISOString(),
    actorId: row.actorId,
    action: row.action,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    stateCode: row.stateCode,
    details: row.details,
    hash: row.hash.toString('hex'),
    prevHash: row.prevHash.toString('hex'),
  };
}
