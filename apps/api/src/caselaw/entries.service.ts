import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import type {
  CaselawContent,
  CreateEntry,
  EditorEntry,
  EditorEntryList,
  EditorEntrySummary,
  EditorListQuery,
  EntryReview,
  Person,
  Publication,
  Revision,
  RevisionDiff,
  RevisionOrigin,
  RevisionSummary,
  UpdateEntry,
} from '@coop/contracts';
import { AuditService } from '../audit';
import { UsersService } from '../identity';
import { Clock } from '../platform/clock';
import { APP_CONFIG, type AppConfig } from '../platform/config';
import { AppError, validationError, type FieldError } from '../platform/errors';
import { CaselawEntryEntity } from './caselaw-entry.entity';
import { CaselawPublicationEntity } from './caselaw-publication.entity';
import { CaselawPublishedEntity } from './caselaw-published.entity';
import { CaselawRevisionEntity } from './caselaw-revision.entity';
import {
  entryNotFound,
  invalidTransition,
  revisionNotFound,
  secondReviewNeeded,
  staleRevision,
} from './caselaw.errors';
import { diffContent, sameContent } from './diff';
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

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The editors' side: working copies, revisions and the workflow draft → in review → published.
 * Every change runs in one transaction with the entry's row locked.
 */
@Injectable()
export class CaselawEntriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly topics: CaselawTopicsService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
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
    const people = await this.people(entries.map((e) => e.updatedBy));
    return {
      total,
      entries: rows.flatMap((r) => {
        const entry = byId.get(r.id);
        return entry ? [this.summary(entry, r.content, people)] : [];
      }),
    };
  }

  async get(id: string): Promise<EditorEntry> {
    return this.view(await this.working(id));
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
        const current = await this.working(input.id, m);
        if (
          existing.createdBy === actorId &&
          existing.currentRevision === 1 &&
          sameContent(current.content, input.content)
        )
          return current;
        throw new AppError(
          409,
          'conflict',
          'Already exists',
          `An entry with id ${input.id} already exists.`,
        );
      }
      await this.assertReferences(m, input.id, input.content);
      await this.insertEntry(m, input.id, input.content, actorId, 'edit', input.note);
      return this.working(input.id, m);
    });
    return this.view(working);
  }

  /** Saves a new revision of the working copy; a published entry stays published meanwhile. */
  async update(id: string, input: UpdateEntry, actorId: string): Promise<EditorEntry> {
    const working = await this.dataSource.transaction(async (m) => {
      const current = await this.locked(id, m);
      if (current.entry.status === 'in_review')
        throw invalidTransition('The entry is in review: return it to draft before editing.');
      if (input.baseRevision !== current.entry.currentRevision)
        throw staleRevision(current.entry.currentRevision, input.baseRevision);
      if (input.content.kind !== current.entry.kind)
        throw validationError([
          { field: 'content.kind', message: `must stay ${current.entry.kind}`, code: 'kind-fixed' },
        ]);
      if (sameContent(current.content, input.content)) return current;
      await this.assertReferences(m, id, input.content);
      return this.saveRevision(m, current, input.content, actorId, 'edit', input.note);
    });
    return this.view(working);
  }

  async submit(id: string, revision: number, actorId: string): Promise<EditorEntry> {
    return this.transition(id, async (m, { entry }) => {
      if (entry.status !== 'draft')
        throw invalidTransition(
          `Only a draft can be submitted for review; this entry is ${entry.status}.`,
        );
      if (revision !== entry.currentRevision) throw staleRevision(entry.currentRevision, revision);
      await m.update(CaselawEntryEntity, id, {
        status: 'in_review',
        submittedBy: actorId,
        submittedAt: this.clock.now(),
      });
    });
  }

  async returnToDraft(id: string): Promise<EditorEntry> {
    return this.transition(id, async (m, { entry }) => {
      if (entry.status !== 'in_review')
        throw invalidTransition(
          `Only an entry in review can go back to draft; this one is ${entry.status}.`,
        );
      await m.update(CaselawEntryEntity, id, {
        status: 'draft',
        submittedBy: null,
        submittedAt: null,
      });
    });
  }

  /**
   * Publishes exactly the revision that was reviewed. Under the second-review rule the publisher
   * must be neither its submitter nor the author of any revision since the last publication.
   */
  async publish(id: string, revision: number, actorId: string): Promise<EditorEntry> {
    return this.transition(id, async (m, { entry, content }) => {
      if (entry.status !== 'in_review')
        throw invalidTransition(
          `Only an entry in review can be published; this one is ${entry.status}.`,
        );
      if (revision !== entry.currentRevision) throw staleRevision(entry.currentRevision, revision);
      const authors = await this.authorsOf(m, entry);
      const secondReview = this.config.CASELAW_SECOND_REVIEW;
      if (secondReview && authors.includes(actorId))
        throw secondReviewNeeded(entry.submittedBy === actorId, revision);
      const now = this.clock.now();
      await m.update(CaselawEntryEntity, id, {
        status: 'published',
        publishedRevision: revision,
        publishedBy: actorId,
        publishedAt: now,
      });
      await m.delete(CaselawPublishedEntity, { entryId: id });
      await m.insert(CaselawPublishedEntity, {
        entryId: id,
        revision,
        content,
        publishedAt: now,
      });
      await m.insert(CaselawPublicationEntity, {
        entryId: id,
        revision,
        publishedBy: actorId,
        authors,
        secondReview,
        publishedAt: now,
      });
      const written = await m.findOne(CaselawRevisionEntity, {
        where: { entryId: id, number: revision },
        select: { authorId: true },
      });
      await this.audit.record(
        {
          action: 'caselaw.published',
          actorId,
          subjectType: 'caselaw_entry',
          subjectId: id,
          details: {
            revision,
            kind: entry.kind,
            previousRevision: entry.publishedRevision,
            authorId: written?.authorId ?? null,
            submittedBy: entry.submittedBy,
            authorIds: authors,
            reviewerId: actorId,
            secondReview,
          },
        },
        m,
      );
    });
  }

  /** Takes the published text away from readers; the working copy and its history remain. */
  async unpublish(id: string, reason: string, actorId: string): Promise<EditorEntry> {
    return this.transition(id, async (m, { entry }) => {
      if (entry.publishedRevision === null) throw invalidTransition('The entry is not published.');
      await m.delete(CaselawPublishedEntity, { entryId: id });
      await m.update(CaselawEntryEntity, id, {
        status: entry.status === 'published' ? 'draft' : entry.status,
        publishedRevision: null,
        publishedBy: null,
        publishedAt: null,
      });
      await this.audit.record(
        {
          action: 'caselaw.unpublished',
          actorId,
          subjectType: 'caselaw_entry',
          subjectId: id,
          details: { revision: entry.publishedRevision, kind: entry.kind, reason },
        },
        m,
      );
    });
  }

  async revisions(id: string): Promise<RevisionSummary[]> {
    const { entry } = await this.working(id);
    const rows = await this.dataSource.manager.find(CaselawRevisionEntity, {
      where: { entryId: id },
      select: { number: true, authorId: true, createdAt: true, origin: true, note: true },
      order: { number: 'DESC' },
    });
    const publications = await this.publications(id);
    const people = await this.people([
      ...rows.map((r) => r.authorId),
      ...publications.flatMap((p) => [p.publishedBy, ...p.authors]),
    ]);
    return rows.map((r) => this.revisionSummary(entry, r, publications, people));
  }

  async revision(id: string, number: number): Promise<Revision> {
    const { entry } = await this.working(id);
    const row = await this.dataSource.manager.findOne(CaselawRevisionEntity, {
      where: { entryId: id, number },
    });
    if (!row) throw revisionNotFound(id, number);
    const publications = (await this.publications(id)).filter((p) => p.revision === number);
    const people = await this.people([
      row.authorId,
      ...publications.flatMap((p) => [p.publishedBy, ...p.authors]),
    ]);
    return { ...this.revisionSummary(entry, row, publications, people), content: row.content };
  }

  async diff(id: string, from: number, to: number): Promise<RevisionDiff> {
    await this.working(id);
    const rows = await this.dataSource.manager.find(CaselawRevisionEntity, {
      where: { entryId: id, number: In([from, to]) },
    });
    const find = (n: number) => {
      const row = rows.find((r) => r.number === n);
      if (!row) throw revisionNotFound(id, n);
      return row.content;
    };
    return { entryId: id, from, to, changes: diffContent(find(from), find(to)) };
  }

  // ---- shared with imports --------------------------------------------------------------

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

  async people(ids: (string | null)[]): Promise<Map<string, Person>> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
    const users = await this.users.byIds(wanted);
    return new Map(
      [...users.values()].map((u) => [u.id, { id: u.id, displayName: u.displayName }]),
    );
  }

  summary(
    entry: CaselawEntryEntity,
    content: CaselawContent,
    people: Map<string, Person>,
  ): EditorEntrySummary {
    return {
      id: entry.id,
      kind: entry.kind,
      status: entry.status,
      revision: entry.currentRevision,
      publishedRevision: entry.publishedRevision,
      title: content.title,
      documentNumbers: content.kind === 'entry' ? content.documentNumbers : [],
      updatedAt: entry.updatedAt.toISOString(),
      updatedBy: personOf(entry.updatedBy, people),
    };
  }

  // ---- internals ------------------------------------------------------------------------

  private async assertReferences(m: EntityManager, id: string, content: CaselawContent) {
    const problems = await this.referenceProblems(m, id, content);
    if (problems.length > 0) throw validationError(problems);
  }

  /**
   * Whose work publishing the working copy would put before readers: the submitter (while in
   * review) and the author of every revision after the last one published (by anyone, the
   * system included). Sorted, so the audit and the publication row read the same every time.
   */
  private async authorsOf(m: EntityManager, entry: CaselawEntryEntity): Promise<string[]> {
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

  private publications(entryId: string): Promise<CaselawPublicationEntity[]> {
    return this.dataSource.manager.find(CaselawPublicationEntity, {
      where: { entryId },
      order: { id: 'ASC' },
    });
  }

  private async transition(
    id: string,
    change: (m: EntityManager, current: Working) => Promise<void>,
  ): Promise<EditorEntry> {
    await this.dataSource.transaction(async (m) => change(m, await this.locked(id, m)));
    return this.get(id);
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

  private revisionSummary(
    entry: CaselawEntryEntity,
    row: CaselawRevisionEntity,
    publications: CaselawPublicationEntity[],
    people: Map<string, Person>,
  ): RevisionSummary {
    return {
      number: row.number,
      author: personOf(row.authorId, people),
      createdAt: row.createdAt.toISOString(),
      origin: row.origin,
      note: row.note,
      published: entry.publishedRevision === row.number,
      publications: publications
        .filter((p) => p.revision === row.number)
        .map((p): Publication => ({
          publishedBy: knownPerson(p.publishedBy, people),
          publishedAt: p.publishedAt.toISOString(),
          authors: p.authors.map((a) => knownPerson(a, people)),
          secondReview: p.secondReview,
        })),
    };
  }

  private async view({ entry, content }: Working): Promise<EditorEntry> {
    const authors = await this.authorsOf(this.dataSource.manager, entry);
    const people = await this.people([
      entry.createdBy,
      entry.updatedBy,
      entry.submittedBy,
      entry.publishedBy,
      ...authors,
    ]);
    const review: EntryReview = {
      secondReview: this.config.CASELAW_SECOND_REVIEW,
      authors: authors.map((a) => knownPerson(a, people)),
    };
    return {
      ...this.summary(entry, content, people),
      content,
      createdAt: entry.createdAt.toISOString(),
      createdBy: personOf(entry.createdBy, people),
      submittedAt: entry.submittedAt?.toISOString() ?? null,
      submittedBy: personOf(entry.submittedBy, people),
      publishedAt: entry.publishedAt?.toISOString() ?? null,
      publishedBy: personOf(entry.publishedBy, people),
      review,
    };
  }
}

/** null stays null (the system); a user no longer found keeps their id. */
const personOf = (id: string | null, people: Map<string, Person>): Person | null =>
  id === null ? null : knownPerson(id, people);

const knownPerson = (id: string, people: Map<string, Person>): Person =>
  people.get(id) ?? { id, displayName: id };
