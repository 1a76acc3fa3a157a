import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { CaselawContent, RevisionOrigin } from '@coop/contracts';
import { Clock } from '../platform/clock';
import { validationError, type FieldError } from '../platform/errors';
import { CaselawEntryEntity } from './caselaw-entry.entity';
import { CaselawPublicationEntity } from './caselaw-publication.entity';
import { CaselawRevisionEntity } from './caselaw-revision.entity';
import { entryNotFound, revisionNotFound } from './caselaw.errors';
import { CaselawTopicsService } from './topics.service';

/** An entry with the content of its working copy. */
export interface Working {
  entry: CaselawEntryEntity;
  content: CaselawContent;
}

/** What a reference check may also accept: topics and entries arriving in the same import. */
export interface Pending {
  topics?: Set<string>;
  ids?: Set<string>;
}

/**
 * The entry and revision rows that editing, the workflow and imports share: reading a working
 * copy, writing revisions, checking references, and who wrote what since the last publication.
 */
@Injectable()
export class CaselawEntryStore {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly topics: CaselawTopicsService,
    private readonly clock: Clock,
  ) {}

  /** The entry and its working copy, optionally inside a transaction. */
  async working(id: string, m: EntityManager = this.dataSource.manager): Promise<Working> {
    const entry = await m.findOne(CaselawEntryEntity, { where: { id } });
    if (!entry) throw entryNotFound(id);
    return { entry, content: await this.contentAt(m, id, entry.currentRevision) };
  }

  async locked(id: string, m: EntityManager): Promise<Working> {
    const entry = await m.findOne(CaselawEntryEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!entry) throw entryNotFound(id);
    return { entry, content: await this.contentAt(m, id, entry.currentRevision) };
  }

  /** Topics must exist; related entries must exist and not be the entry itself. */
  async referenceProblems(
    m: EntityManager,
    id: string,
    content: CaselawContent,
    pending: Pending = {},
  ): Promise<FieldError[]> {
    const problems: FieldError[] = [];
    const unknownTopics = new Set(
      await this.topics.unknown(
        content.topics.filter((t) => !pending.topics?.has(t)),
        m,
      ),
    );
    content.topics.forEach((t, i) => {
      if (unknownTopics.has(t))
        problems.push({
          field: `content.topics.${i}`,
          message: `no topic ${t}`,
          code: 'unknown-topic',
        });
    });
    const others = content.related.filter((r) => r.toLowerCase() !== id.toLowerCase());
    const wanted = others.filter((r) => !pending.ids?.has(r.toLowerCase()));
    const found = wanted.length
      ? await m.find(CaselawEntryEntity, { where: { id: In(wanted) }, select: { id: true } })
      : [];
    const known = new Set(found.map((e) => e.id.toLowerCase()));
    content.related.forEach((r, i) => {
      const key = r.toLowerCase();
      if (key === id.toLowerCase())
        problems.push({
          field: `content.related.${i}`,
          message: 'an entry cannot relate to itself',
          code: 'self-relation',
        });
      else if (!known.has(key) && !pending.ids?.has(key))
        problems.push({
          field: `content.related.${i}`,
          message: `no entry ${r}`,
          code: 'unknown-entry',
        });
    });
    return problems;
  }

  async assertReferences(m: EntityManager, id: string, content: CaselawContent) {
    const problems = await this.referenceProblems(m, id, content);
    if (problems.length > 0) throw validationError(problems);
  }

  /** A new revision as the working copy; editing a published entry starts a new draft. */
  async saveRevision(
    m: EntityManager,
    current: Working,
    content: CaselawContent,
    actorId: string,
    origin: RevisionOrigin,
    note?: string,
  ): Promise<Working> {
    const number = current.entry.currentRevision + 1;
    await this.insertRevision(m, current.entry.id, number, content, actorId, origin, note);
    const changes = {
      currentRevision: number,
      status: 'draft' as const,
      updatedBy: actorId,
      updatedAt: this.clock.now(),
      submittedBy: null,
      submittedAt: null,
    };
    await m.update(CaselawEntryEntity, current.entry.id, changes);
    return { entry: Object.assign(current.entry, changes), content };
  }

  async insertEntry(
    m: EntityManager,
    id: string,
    content: CaselawContent,
    actorId: string,
    origin: RevisionOrigin,
    note?: string,
  ): Promise<void> {
    await m.insert(CaselawEntryEntity, {
      id,
      kind: content.kind,
      status: 'draft',
      currentRevision: 1,
      publishedRevision: null,
      createdBy: actorId,
      updatedBy: actorId,
      updatedAt: this.clock.now(),
    });
    await this.insertRevision(m, id, 1, content, actorId, origin, note);
  }

  /**
   * Whose work publishing the working copy would put before readers: the submitter (while in
   * review) and the author of every revision after the last one published (by anyone, the
   * system included). Sorted, so the audit and the publication row read the same every time.
   */
  async authorsOf(m: EntityManager, entry: CaselawEntryEntity): Promise<string[]> {
    const last = await m
      .createQueryBuilder(CaselawPublicationEntity, 'p')
      .select('max(p.revision)', 'revision')
      .where('p.entry_id = :id', { id: entry.id })
      .getRawOne<{ revision: number | null }>();
    const since = Math.max(entry.publishedRevision ?? 0, last?.revision ?? 0);
    const rows = await m
      .createQueryBuilder(CaselawRevisionEntity, 'r')
      .select('DISTINCT r.author_id', 'authorId')
      .where('r.entry_id = :id AND r.number > :since AND r.author_id IS NOT NULL', {
        id: entry.id,
        since,
      })
      .getRawMany<{ authorId: string }>();
    const authors = new Set(rows.map((r) => r.authorId));
    if (entry.status === 'in_review' && entry.submittedBy !== null) authors.add(entry.submittedBy);
    return [...authors].sort();
  }

  private async contentAt(m: EntityManager, id: string, number: number): Promise<CaselawContent> {
    const row = await m.findOne(CaselawRevisionEntity, {
      where: { entryId: id, number },
      select: { content: true },
    });
    if (!row) throw revisionNotFound(id, number);
    return row.content;
  }

  private async insertRevision(
    m: EntityManager,
    entryId: string,
    number: number,
    content: CaselawContent,
    authorId: string,
    origin: RevisionOrigin,
    note?: string,
  ): Promise<void> {
    await m.insert(CaselawRevisionEntity, {
      entryId,
      number,
      content,
      authorId,
      origin,
      note: note ?? null,
    });
  }
}
