import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { IdentityModule } from '../identity';
import { CaselawEntryEntity } from './caselaw-entry.entity';
import { CaselawPublicationEntity } from './caselaw-publication.entity';
import { CaselawPublishedEntity } from './caselaw-published.entity';
import { CaselawRevisionEntity } from './caselaw-revision.entity';
import { CaselawTopicEntity } from './caselaw-topic.entity';
import { CaselawController } from './caselaw.controller';
import { CaselawEditorController } from './editor.controller';
import { CaselawEntriesService } from './entries.service';
import { CaselawEntryStore } from './entry-store.service';
import { CaselawEntryViews } from './entry-views.service';
import { CaselawRevisionsService } from './revisions.service';
import { CaselawSearchService } from './search.service';
import { CaselawTopicsController } from './topics.controller';
import { CaselawTopicsService } from './topics.service';
import { CaselawTransferService } from './transfer.service';
import { CaselawWorkflowService } from './workflow.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      CaselawTopicEntity,
      CaselawEntryEntity,
      CaselawRevisionEntity,
      CaselawPublishedEntity,
      CaselawPublicationEntity,
    ]),
    AuditModule,
    IdentityModule,
  ],
  controllers: [CaselawController, CaselawTopicsController, CaselawEditorController],
  providers: [
    CaselawTopicsService,
    CaselawEntryStore,
    CaselawEntryViews,
    CaselawEntriesService,
    CaselawWorkflowService,
    CaselawRevisionsService,
    CaselawSearchService,
    CaselawTransferService,
  ],
  exports: [CaselawSearchService],
})
export class CaseLawModule {}
