import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { EditorEntry } from '@coop/contracts';
import { AuditService } from '../audit';
import { Clock } from '../platform/clock';
import { APP_CONFIG, type AppConfig } from '../platform/config';
import { CaselawEntryEntity } from './caselaw-entry.entity';
import { CaselawPublicationEntity } from './caselaw-publication.entity';
import { CaselawPublishedEntity } from './caselaw-published.entity';
import { CaselawRevisionEntity } from './caselaw-revision.entity';
import { invalidTransition, secondReviewNeeded, staleRevision } from './caselaw.errors';
import { CaselawEntriesService } from './entries.service';
import { CaselawEntryStore, type Working } from './entry-store.service';

/**
 * The editorial workflow draft → in review → published, and taking a text away from readers.
 * Every step runs in one transaction with the entry's row locked.
 */
@Injectable()
export class CaselawWorkflowService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: CaselawEntryStore,
    private readonly entries: CaselawEntriesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

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
      const authors = await this.store.authorsOf(m, entry);
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

  private async transition(
    id: string,
    change: (m: EntityManager, current: Working) => Promise<void>,
  ): Promise<EditorEntry> {
    await this.dataSource.transaction(async (m) => change(m, await this.store.locked(id, m)));
    return this.entries.get(id);
  }
}
