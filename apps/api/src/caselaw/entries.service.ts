import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type {
  CaselawContent,
  CreateEntry,
  EditorEntry,
  EditorEntryList,
  EditorListQuery,
  UpdateEntry,
} from '@coop/contracts';
import { validationError } from '../platform/errors';
import { CaselawEntryEntity } from './caselaw-entry.entity';
import { CaselawRevisionEntity } from './caselaw-revision.entity';
import { entryExists, invalidTransition, staleRevision } from './caselaw.errors';
import { sameContent } from './diff';
import { CaselawEntryStore } from './entry-store.service';
import { CaselawEntryViews } from './entry-views.service';

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The editors' working copies: listing, reading, creating and editing them. Every change runs
 * in one transaction with the entry's row locked.
 */
@Injectable()
export class CaselawEntriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: CaselawEntryStore,
    private readonly views: CaselawEntryViews,
  ) {}

  async list(query: EditorListQuery): Promise<EditorEntryList> {
    const qb = this.dataSource.manager
      .createQueryBuilder(CaselawEntryEntity, 'e')
      .innerJoin(CaselawRevisionEntity, 'r', 'r.entry_id = e.id AND r.number = e.current_revision')
      .select(['e.id AS id', 'r.content AS content'])
      .orderBy('e.updated_at', 'DESC')
      .addOrderBy('e.id');
    if (query.status) qb.andWhere('e.status IN (:...status)', { status: query.status });
    if (query.kind) qb.andWhere('e.kind = :kind', { kind: query.kind });
    if (query.q) {
      qb.andWhere(
        `((r.content -> 'title')::text ILIKE :q OR (r.content -> 'documentNumbers')::text ILIKE :q)`,
        { q: likePattern(query.q) },
      );
    }
    const total = await qb.getCount();
    const rows = await qb
      .offset(query.offset)
      .limit(query.limit)
      .getRawMany<{ id: string; content: CaselawContent }>();
    const entries = await this.dataSource.manager.find(CaselawEntryEntity, {
      where: { id: In(rows.map((r) => r.id)) },
    });
    const byId = new Map(entries.map((e) => [e.id, e]));
    const people = await this.views.people(entries.map((e) => e.updatedBy));
    return {
      total,
      entries: rows.flatMap((r) => {
        const entry = byId.get(r.id);
        return entry ? [this.views.summary(entry, r.content, people)] : [];
      }),
    };
  }

  async get(id: string): Promise<EditorEntry> {
    return this.views.view(await this.store.working(id));
  }

  /**
   * Creates a draft under the client's id. A retry of the same request (same author, same
   * content, nothing changed since) answers with the entry instead of a conflict.
   */
  async create(input: CreateEntry, actorId: string): Promise<EditorEntry> {
    const working = await this.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`caselaw:${input.id}`]);
      const existing = await m.findOne(CaselawEntryEntity, { where: { id: input.id } });
      if (existing) {
        const current = await this.store.working(input.id, m);
        if (
          existing.createdBy === actorId &&
          existing.currentRevision === 1 &&
          sameContent(current.content, input.content)
        )
          return current;
        throw entryExists(input.id);
      }
      await this.store.assertReferences(m, input.id, input.content);
      await this.store.insertEntry(m, input.id, input.content, actorId, 'edit', input.note);
      return this.store.working(input.id, m);
    });
    return this.views.view(working);
  }

  /** Saves a new revision of the working copy; a published entry stays published meanwhile. */
  async update(id: string, input: UpdateEntry, actorId: string): Promise<EditorEntry> {
    const working = await this.dataSource.transaction(async (m) => {
      const current = await this.store.locked(id, m);
      if (current.entry.status === 'in_review')
        throw invalidTransition('The entry is in review: return it to draft before editing.');
      if (input.baseRevision !== current.entry.currentRevision)
        throw staleRevision(current.entry.currentRevision, input.baseRevision);
      if (input.content.kind !== current.entry.kind)
        throw validationError([
          { field: 'content.kind', message: `must stay ${current.entry.kind}`, code: 'kind-fixed' },
        ]);
      if (sameContent(current.content, input.content)) return current;
      await this.store.assertReferences(m, id, input.content);
      return this.store.saveRevision(m, current, input.content, actorId, 'edit', input.note);
    });
    return this.views.view(working);
  }
}
