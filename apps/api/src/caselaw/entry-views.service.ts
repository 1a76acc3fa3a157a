import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type {
  CaselawContent,
  EditorEntry,
  EditorEntrySummary,
  EntryReview,
  Person,
  Publication,
  RevisionSummary,
} from '@coop/contracts';
import { UsersService } from '../identity';
import { APP_CONFIG, type AppConfig } from '../platform/config';
import { CaselawEntryEntity } from './caselaw-entry.entity';
import { CaselawPublicationEntity } from './caselaw-publication.entity';
import { CaselawRevisionEntity } from './caselaw-revision.entity';
import { CaselawEntryStore, type Working } from './entry-store.service';

/** How the editors see entries and revisions: rows turned into answers, with people named. */
@Injectable()
export class CaselawEntryViews {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: CaselawEntryStore,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

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

  revisionSummary(
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

  async view({ entry, content }: Working): Promise<EditorEntry> {
    const authors = await this.store.authorsOf(this.dataSource.manager, entry);
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
