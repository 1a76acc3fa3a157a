import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import { Readable } from 'node:stream';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { createZodDto } from 'nestjs-zod';
import {
  auditQuerySchema,
  type AuditEntry,
  auditPageSchema,
  chainVerdictSchema,
} from '@coop/contracts';
import { Access, CurrentPrincipal } from '../platform/access';
import { Returns, auditLinesSchema } from '../platform/openapi';
import type { Principal } from '../platform/principal';
import { AuditService } from './audit.service';

class AuditQueryDto extends createZodDto(auditQuerySchema) {}

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Access.roles(['registry_admin'])
  @Returns(auditPageSchema)
  list(
    @Query() query: AuditQueryDto,
  ): Promise<{ entries: AuditEntry[]; nextCursor: string | null }> {
    return this.audit.list(query);
  }

  /** The filtered log as JSON Lines, newest first, streamed page by page. */
  @Get('export')
  @Access.roles(['registry_admin'], { stepUp: true })
  @Header('Content-Type', 'application/x-ndjson; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @Returns({ 'application/x-ndjson': auditLinesSchema })
  async export(
    @Query() query: AuditQueryDto,
    @Res() res: FastifyReply,
    @CurrentPrincipal() { userId }: Principal,
  ): Promise<void> {
    await this.audit.record({
      action: 'audit.exported',
      actorId: userId,
      details: { filters: { ...query, limit: undefined } },
    });
    const audit = this.audit;
    async function* lines() {
      for (let before = query.before; ;) {
        const page = await audit.list({ ...query, before, limit: 500 });
        for (const entry of page.entries) yield `${JSON.stringify(entry)}\n`;
        if (!page.nextCursor) break;
        before = page.nextCursor;
      }
    }
    void res
      .header(
        'Content-Disposition',
        `attachment; filename="audit-${new Date().toISOString().slice(0, 10)}.jsonl"`,
      )
      .send(Readable.from(lines()));
  }

  @Get('verify')
  @Access.roles(['registry_admin'])
  @Returns(chainVerdictSchema)
  verify() {
    return this.audit.verify();
  }
}
