import { z } from 'zod';
import { bigintParam, wholeNumberParam } from '../platform/params';
import { stateCodeSchema } from '../states/states';

export * from './actions';

export const auditEntrySchema = z.strictObject({
  seq: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  action: z.string(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  stateCode: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  hash: z.string(),
  prevHash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditQuerySchema = z.strictObject({
  actorId: z.uuid().optional(),
  action: z
    .string()
    .regex(/^[a-z0-9_.-]{1,80}$/)
    .optional(),
  stateCode: stateCodeSchema.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  before: bigintParam.optional(),
  limit: wholeNumberParam(1, 500).default(100),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditPageSchema = z.strictObject({
  entries: z.array(auditEntrySchema),
  /** Pass as `before` for the next page; null on the last one. */
  nextCursor: z.string().nullable(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

export const chainVerdictSchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), entries: z.number().int(), head: z.string() }),
  z.strictObject({
    ok: z.literal(false),
    entries: z.number().int(),
    firstBadSeq: z.string(),
    reason: z.string(),
  }),
]);
