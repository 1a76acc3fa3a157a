import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  CASELAW_FILE_FORMAT,
  formatArticle,
  importEntrySchema,
  importTopicSchema,
  LANGUAGES,
  type CaselawContent,
  type CaselawExport,
  type ImportEntry,
  type ImportFile,
  type ImportProblem,
  type ImportReport,
  type Topic,
} from '@coop/contracts';
import { AuditService } from '../audit';
import { Clock } from '../platform/clock';
import { CaselawEntryEntity } from './caselaw-entry.entity';
import { CaselawRevisionEntity } from './caselaw-revision.entity';
import { importRefused } from './caselaw.errors';
import { csvDocument } from './csv';
import { sameContent } from './diff';
import { CaselawEntryStore } from './entry-store.service';
import { CaselawTopicsService } from './topics.service';

/** Enough to fix a file in one go without flooding the answer. */
const MAX_PROBLEMS = 200;

const fieldOf = (path: PropertyKey[]) => path.map(String).join('.');

/** Bulk export (JSON for round trips, CSV for spreadsheets) and all-or-nothing JSON import. */
@Injectable()
export class CaselawTransferService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: CaselawEntryStore,
    private readonly topics: CaselawTopicsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Every entry's working copy in every language, with its workflow state, and the topics. */
  async exportJson(actorId: string): Promise<CaselawExport> {
    const file = await this.collect();
    await this.exported(actorId, 'json', file.entries.length);
    return file;
  }

  private async exported(actorId: string, format: 'json' | 'csv', entries: number) {
    await this.audit.record({ action: 'caselaw.exported', actorId, details: { format, entries } });
  }

  private async collect(): Promise<CaselawExport> {
    const rows = await this.dataSource.manager
      .createQueryBuilder(CaselawEntryEntity, 'e')
      .innerJoin(CaselawRevisionEntity, 'r', 'r.entry_id = e.id AND r.number = e.current_revision')
      .select([
        'e.id AS id',
        'e.kind AS kind',
        'e.status AS status',
        'e.current_revision AS revision',
        'e.published_revision AS "publishedRevision"',
        'e.updated_at AS "updatedAt"',
        'r.content AS content',
      ])
      .orderBy('e.created_at')
      .addOrderBy('e.id')
      .getRawMany<{
        id: string;
        kind: CaselawExport['entries'][number]['kind'];
        status: CaselawExport['entries'][number]['status'];
        revision: number;
        publishedRevision: number | null;
        updatedAt: Date;
        content: CaselawContent;
      }>();
    return {
      format: CASELAW_FILE_FORMAT,
      version: 1,
      exportedAt: this.clock.now().toISOString(),
      topics: await this.topics.list(),
      entries: rows.map((r) => ({ ...r, updatedAt: new Date(r.updatedAt).toISOString() })),
    };
  }

  /**
   * One row per entry, for reading in a spreadsheet: lists joined with "; ", quotations and
   * links as JSON. Re-import goes through the JSON export.
   */
  async exportCsv(actorId: string): Promise<string> {
    const { entries } = await this.collect();
    await this.exported(actorId, 'csv', entries.length);
    const texts = (values: Partial<Record<string, string>> | undefined) =>
      LANGUAGES.map((l) => values?.[l] ?? '');
    const header = [
      'id',
      'kind',
      'status',
      'revision',
      'published_revision',
      'updated_at',
      'document_numbers',
      'chamber',
      'date',
      'situation',
      'case_name',
      'document_type',
      'articles',
      'topics',
      ...LANGUAGES.map((l) => `title_${l}`),
      ...LANGUAGES.map((l) => `summary_${l}`),
      ...LANGUAGES.map((l) => `holdings_${l}`),
      ...LANGUAGES.map((l) => `body_${l}`),
      'quotes',
      'links',
      'related',
      'source_title',
      'source_locator',
      'source_url',
    ];
    const rows = entries.map(({ content: c, ...e }) => {
      const entry = c.kind === 'entry' ? c : null;
      return [
        e.id,
        e.kind,
        e.status,
        String(e.revision),
        e.publishedRevision === null ? '' : String(e.publishedRevision),
        e.updatedAt,
        (entry?.documentNumbers ?? []).join('; '),
        entry?.chamber ?? '',
        entry?.date ?? '',
        entry?.situation ?? '',
        entry?.caseName ?? '',
        entry?.documentType ?? '',
        c.articles.map((a) => formatArticle(a)).join('; '),
        c.topics.join('; '),
        ...texts(c.title),
        ...texts(entry?.summary),
        ...texts(entry?.holdings),
        ...texts(c.kind === 'explainer' ? c.body : undefined),
        c.quotes.length ? JSON.stringify(c.quotes) : '',
        c.links.length ? JSON.stringify(c.links) : '',
        c.related.join('; '),
        c.source?.title ?? '',
        c.source?.locator ?? '',
        c.source?.url ?? '',
      ];
    });
    return csvDocument(header, rows);
  }

  /**
   * Checks every row, then stores all of them in one transaction or none: any problem answers
   * 422 with the list (section, row index, field, message). New ids become drafts; known ids
   * get a new draft revision unless their content is unchanged.
   */
  async import(file: ImportFile, actorId: string): Promise<ImportReport> {
    const problems: ImportProblem[] = [];
    const topics: { index: number; topic: Topic }[] = [];
    file.topics.forEach((raw, index) => {
      const parsed = importTopicSchema.safeParse(raw);
      if (parsed.success) topics.push({ index, topic: parsed.data });
      else
        for (const issue of parsed.error.issues)
          problems.push({
            section: 'topics',
            index,
            id: null,
            field: fieldOf(issue.path),
            message: issue.message,
          });
    });
    const rows: { index: number; row: ImportEntry }[] = [];
    const seen = new Map<string, number>();
    file.entries.forEach((raw, index) => {
      const parsed = importEntrySchema.safeParse(raw);
      if (!parsed.success) {
        const id =
          raw && typeof raw === 'object' && 'id' in raw && typeof raw.id === 'string'
            ? raw.id
            : null;
        for (const issue of parsed.error.issues)
          problems.push({
            section: 'entries',
            index,
            id,
            field: fieldOf(issue.path),
            message: issue.message,
          });
        return;
      }
      const row = parsed.data;
      const problem = (field: string, message: string) =>
        problems.push({ section: 'entries', index, id: row.id, field, message });
      if (row.kind && row.kind !== row.content.kind)
        problem('kind', `does not match content.kind (${row.content.kind})`);
      const earlier = seen.get(row.id);
      if (earlier !== undefined) problem('id', `repeats the id of entry ${earlier}`);
      else seen.set(row.id, index);
      rows.push({ index, row });
    });
    const topicKeys = new Set<string>();
    topics.forEach(({ index, topic }) => {
      if (topicKeys.has(topic.key))
        problems.push({ section: 'topics', index, id: null, field: 'key', message: 'repeats' });
      topicKeys.add(topic.key);
    });

    return this.dataSource.transaction(async (m) => {
      // One import at a time: two overlapping files could otherwise each pass their checks.
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['caselaw:import']);
      const ids = new Set(seen.keys());
      const plans: { index: number; row: ImportEntry; existing: CaselawEntryEntity | null }[] = [];
      for (const { index, row } of rows) {
        const problem = (field: string, message: string) =>
          problems.push({ section: 'entries', index, id: row.id, field, message });
        for (const p of await this.store.referenceProblems(m, row.id, row.content, {
          topics: topicKeys,
          ids,
        }))
          problem(p.field, p.message);
        const existing = await m.findOne(CaselawEntryEntity, {
          where: { id: row.id },
          lock: { mode: 'pessimistic_write' },
        });
        if (existing && existing.kind !== row.content.kind)
          problem('content.kind', `the existing entry is an ${existing.kind}`);
        if (existing?.status === 'in_review')
          problem('id', 'the entry is in review: return it to draft before importing over it');
        plans.push({ index, row, existing });
      }
      if (problems.length > 0) {
        // Topics first, then rows in file order (the sort is stable within a row).
        const rank = (p: ImportProblem) => (p.section === 'topics' ? 0 : 1);
        problems.sort((x, y) => rank(x) - rank(y) || x.index - y.index);
        const shown = problems.slice(0, MAX_PROBLEMS);
        throw importRefused(problems.length, shown);
      }

      const report: ImportReport = {
        created: [],
        updated: [],
        unchanged: [],
        topicsCreated: [],
        topicsUpdated: [],
      };
      const topicChanges = await this.topics.upsert(
        topics.map((t) => t.topic),
        actorId,
        m,
      );
      report.topicsCreated = topicChanges.created;
      report.topicsUpdated = topicChanges.updated;
      // Entries first, so that related ids between rows of the file all exist.
      for (const { row, existing } of plans) {
        if (existing) continue;
        await this.store.insertEntry(m, row.id, row.content, actorId, 'import');
        report.created.push(row.id);
      }
      for (const { row, existing } of plans) {
        if (!existing) continue;
        const current = await this.store.working(row.id, m);
        if (sameContent(current.content, row.content)) {
          report.unchanged.push(row.id);
          continue;
        }
        await this.store.saveRevision(m, current, row.content, actorId, 'import');
        report.updated.push(row.id);
      }
      await this.audit.record(
        {
          action: 'caselaw.imported',
          actorId,
          details: {
            created: report.created.length,
            updated: report.updated.length,
            unchanged: report.unchanged.length,
            topicsCreated: report.topicsCreated.length,
            topicsUpdated: report.topicsUpdated.length,
          },
        },
        m,
      );
      return report;
    });
  }
}
