import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { Revision, RevisionDiff, RevisionSummary } from '@coop/contracts';
import { CaselawPublicationEntity } from './caselaw-publication.entity';
import { CaselawRevisionEntity } from './caselaw-revision.entity';
import { revisionNotFound } from './caselaw.errors';
import { diffContent } from './diff';
import { CaselawEntryStore } from './entry-store.service';
import { CaselawEntryViews } from './entry-views.service';

/** An entry's history: its revisions, who published which, and what changed between two. */
@Injectable()
export class CaselawRevisionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: CaselawEntryStore,
    private readonly views: CaselawEntryViews,
  ) {}

  async revisions(id: string): Promise<RevisionSummary[]> {
    const { entry } = await this.store.working(id);
    const rows = await this.dataSource.manager.find(CaselawRevisionEntity, {
      where: { entryId: id },
      select: { number: true, authorId: true, createdAt: true, origin: true, note: true },
      order: { number: 'DESC' },
    });
    const publications = await this.publications(id);
    const people = await this.views.people([
      ...rows.map((r) => r.authorId),
      ...publications.flatMap((p) => [p.publishedBy, ...p.authors]),
    ]);
    return rows.map((r) => this.views.revisionSummary(entry, r, publications, people));
  }

  async revision(id: string, number: number): Promise<Revision> {
    const { entry } = await this.store.working(id);
    const row = await this.dataSource.manager.findOne(CaselawRevisionEntity, {
      where: { entryId: id, number },
    });
    if (!row) throw revisionNotFound(id, number);
    const publications = (await this.publications(id)).filter((p) => p.revision === number);
    const people = await this.views.people([
      row.authorId,
      ...publications.flatMap((p) => [p.publishedBy, ...p.authors]),
    ]);
    return {
      ...this.views.revisionSummary(entry, row, publications, people),
      content: row.content,
    };
  }

  async diff(id: string, from: number, to: number): Promise<RevisionDiff> {
    await this.store.working(id);
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

  private publications(entryId: string): Promise<CaselawPublicationEntity[]> {
    return this.dataSource.manager.find(CaselawPublicationEntity, {
      where: { entryId },
      order: { id: 'ASC' },
    });
  }
}
