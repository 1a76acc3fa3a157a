import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { createZodDto } from 'nestjs-zod';
import {
  createEntrySchema,
  diffQuerySchema,
  editorListQuerySchema,
  exportQuerySchema,
  importFileSchema,
  MAX_REVISION,
  revisionActionSchema,
  unpublishSchema,
  updateEntrySchema,
  type EditorEntry,
  type EditorEntryList,
  type ImportReport,
  type Revision,
  type RevisionDiff,
  type RevisionSummary,
  caselawExportSchema,
  editorEntryListSchema,
  editorEntrySchema,
  importReportSchema,
  revisionDiffSchema,
  revisionSchema,
  revisionSummarySchema,
} from '@coop/contracts';
import { Access, CurrentPrincipal } from '../platform/access';
import { Returns, caselawCsvSchema } from '../platform/openapi';
import type { Principal } from '../platform/principal';
import { WholeNumberPipe } from '../platform/params';
import { CaselawEntriesService } from './entries.service';
import { CaselawRevisionsService } from './revisions.service';
import { CaselawTransferService } from './transfer.service';
import { CaselawWorkflowService } from './workflow.service';

class EditorListQueryDto extends createZodDto(editorListQuerySchema) {}
class CreateEntryDto extends createZodDto(createEntrySchema) {}
class UpdateEntryDto extends createZodDto(updateEntrySchema) {}
class RevisionActionDto extends createZodDto(revisionActionSchema) {}
class UnpublishDto extends createZodDto(unpublishSchema) {}
class DiffQueryDto extends createZodDto(diffQuerySchema) {}
class ExportQueryDto extends createZodDto(exportQuerySchema) {}
class ImportFileDto extends createZodDto(importFileSchema) {}

const EDITORS = ['facilitator' as const];

/**
 * The editors' desk: facilitators only. Registry admins administer access, not content, so
 * they neither edit nor read drafts and history (a user who is also a facilitator does).
 */
@ApiTags('caselaw')
@Controller('caselaw/editor')
export class CaselawEditorController {
  constructor(
    private readonly entries: CaselawEntriesService,
    private readonly workflow: CaselawWorkflowService,
    private readonly history: CaselawRevisionsService,
    private readonly transfer: CaselawTransferService,
  ) {}

  @Get('entries')
  @Access.roles(EDITORS)
  @Returns(editorEntryListSchema)
  list(@Query() query: EditorListQueryDto): Promise<EditorEntryList> {
    return this.entries.list(query);
  }

  @Post('entries')
  @Access.roles(EDITORS)
  @Returns(editorEntrySchema)
  create(@Body() body: CreateEntryDto, @CurrentPrincipal() me: Principal): Promise<EditorEntry> {
    return this.entries.create(body, me.userId);
  }

  @Get('entries/:id')
  @Access.roles(EDITORS)
  @Returns(editorEntrySchema)
  get(@Param('id', ParseUUIDPipe) id: string): Promise<EditorEntry> {
    return this.entries.get(id);
  }

  @Put('entries/:id')
  @Access.roles(EDITORS)
  @Returns(editorEntrySchema)
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateEntryDto,
    @CurrentPrincipal() me: Principal,
  ): Promise<EditorEntry> {
    return this.entries.update(id, body, me.userId);
  }

  @Post('entries/:id/submit')
  @HttpCode(200)
  @Access.roles(EDITORS)
  @Returns(editorEntrySchema)
  submit(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RevisionActionDto,
    @CurrentPrincipal() me: Principal,
  ): Promise<EditorEntry> {
    return this.workflow.submit(id, body.revision, me.userId);
  }

  @Post('entries/:id/return')
  @HttpCode(200)
  @Access.roles(EDITORS)
  @Returns(editorEntrySchema)
  returnToDraft(@Param('id', ParseUUIDPipe) id: string): Promise<EditorEntry> {
    return this.workflow.returnToDraft(id);
  }

  @Post('entries/:id/publish')
  @HttpCode(200)
  @Access.roles(EDITORS, { stepUp: true })
  @Returns(editorEntrySchema)
  publish(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RevisionActionDto,
    @CurrentPrincipal() me: Principal,
  ): Promise<EditorEntry> {
    return this.workflow.publish(id, body.revision, me.userId);
  }

  @Post('entries/:id/unpublish')
  @HttpCode(200)
  @Access.roles(EDITORS, { stepUp: true })
  @Returns(editorEntrySchema)
  unpublish(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UnpublishDto,
    @CurrentPrincipal() me: Principal,
  ): Promise<EditorEntry> {
    return this.workflow.unpublish(id, body.reason, me.userId);
  }

  @Get('entries/:id/revisions')
  @Access.roles(EDITORS)
  @Returns([revisionSummarySchema])
  revisions(@Param('id', ParseUUIDPipe) id: string): Promise<RevisionSummary[]> {
    return this.history.revisions(id);
  }

  @Get('entries/:id/revisions/:number')
  @Access.roles(EDITORS)
  @Returns(revisionSchema)
  revision(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('number', new WholeNumberPipe(1, MAX_REVISION)) number: number,
  ): Promise<Revision> {
    return this.history.revision(id, number);
  }

  @Get('entries/:id/diff')
  @Access.roles(EDITORS)
  @Returns(revisionDiffSchema)
  diff(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: DiffQueryDto,
  ): Promise<RevisionDiff> {
    return this.history.diff(id, query.from, query.to);
  }

  /** Every entry in every language: JSON (re-importable) or CSV (for spreadsheets). */
  @Get('export')
  @Access.roles(EDITORS, { stepUp: true })
  @Header('Cache-Control', 'no-store')
  @Returns({ 'application/json': caselawExportSchema, 'text/csv': caselawCsvSchema })
  async export(
    @Query() query: ExportQueryDto,
    @CurrentPrincipal() me: Principal,
    @Res() res: FastifyReply,
  ): Promise<void> {
    const day = new Date().toISOString().slice(0, 10);
    if (query.format === 'csv') {
      const csv = await this.transfer.exportCsv(me.userId);
      void res
        .type('text/csv; charset=utf-8; header=present')
        .header('Content-Disposition', `attachment; filename="caselaw-${day}.csv"`)
        .send(csv);
      return;
    }
    const json = JSON.stringify(await this.transfer.exportJson(me.userId));
    void res
      .type('application/json; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="caselaw-${day}.json"`)
      .send(json);
  }

  /** All or nothing: any bad row answers 422 with every problem found, and nothing is stored. */
  @Post('import')
  @HttpCode(200)
  @Access.roles(EDITORS, { stepUp: true })
  @Returns(importReportSchema)
  import(@Body() body: ImportFileDto, @CurrentPrincipal() me: Principal): Promise<ImportReport> {
    return this.transfer.import(body, me.userId);
  }
}
