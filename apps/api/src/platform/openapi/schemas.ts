import { z } from 'zod';
import {
  approvalDecisionSchema,
  approvalSchema,
  attestationSchema,
  auditEntrySchema,
  auditPageSchema,
  caselawExportSchema,
  caselawViewSchema,
  chainVerdictSchema,
  creationOptionsSchema,
  editorEntryListSchema,
  editorEntrySchema,
  importReportSchema,
  invitationPreviewSchema,
  invitationSchema,
  issuedInvitationSchema,
  keyRecordSchema,
  lastSignInSchema,
  livenessSchema,
  mdBlockSchema,
  mdInlineSchema,
  meSchema,
  noticeListSchema,
  passkeySchema,
  personSchema,
  problemSchema,
  readinessSchema,
  requestOptionsSchema,
  revisionDiffSchema,
  revisionSchema,
  revisionSummarySchema,
  rootKeySchema,
  searchResponseSchema,
  sessionSchema,
  stateRevisionSchema,
  stateSchema,
  topicSchema,
  userKeysSchema,
  userSchema,
  verificationSchema,
  wrapKindSchema,
  wrapRecordSchema,
} from '@coop/contracts';

/** Bodies that are not JSON documents, named so that every answer is a reference. */
export const prometheusTextSchema = z.string().meta({
  description: 'Prometheus text exposition format 0.0.4.',
});
export const auditLinesSchema = z.string().meta({
  description: 'JSON Lines: one `AuditEntry` per line, newest first.',
});
export const caselawCsvSchema = z.string().meta({
  description: 'Comma-separated values with a header row, one row per entry and language.',
});

/**
 * The schemas of the OpenAPI document's `components.schemas`, by name. A response schema must
 * be named here; the schemas it contains are named when they are worth a reference of their own.
 */
const NAMED = {
  Problem: problemSchema,
  Liveness: livenessSchema,
  Readiness: readinessSchema,
  PrometheusText: prometheusTextSchema,
  User: userSchema,
  Me: meSchema,
  Passkey: passkeySchema,
  Session: sessionSchema,
  Invitation: invitationSchema,
  IssuedInvitation: issuedInvitationSchema,
  InvitationPreview: invitationPreviewSchema,
  Approval: approvalSchema,
  ApprovalDecision: approvalDecisionSchema,
  CreationOptions: creationOptionsSchema,
  RequestOptions: requestOptionsSchema,
  State: stateSchema,
  StateRevision: stateRevisionSchema,
  AuditEntry: auditEntrySchema,
  AuditPage: auditPageSchema,
  AuditLines: auditLinesSchema,
  ChainVerdict: chainVerdictSchema,
  KeyRecord: keyRecordSchema,
  Attestation: attestationSchema,
  UserKeys: userKeysSchema,
  WrapKind: wrapKindSchema,
  WrapRecord: wrapRecordSchema,
  Verification: verificationSchema,
  NoticeList: noticeListSchema,
  LastSignIn: lastSignInSchema,
  RootKey: rootKeySchema,
  Person: personSchema,
  Topic: topicSchema,
  MdInline: mdInlineSchema,
  MdBlock: mdBlockSchema,
  CaselawView: caselawViewSchema,
  SearchResponse: searchResponseSchema,
  EditorEntry: editorEntrySchema,
  EditorEntryList: editorEntryListSchema,
  RevisionSummary: revisionSummarySchema,
  Revision: revisionSchema,
  RevisionDiff: revisionDiffSchema,
  ImportReport: importReportSchema,
  CaselawExport: caselawExportSchema,
  CaselawCsv: caselawCsvSchema,
} satisfies Record<string, z.ZodType>;

export const API_SCHEMAS = z.registry<z.GlobalMeta & { id: string }>();
for (const [id, schema] of Object.entries(NAMED)) {
  API_SCHEMAS.add(schema, { ...z.globalRegistry.get(schema), id });
}

export const schemaRef = (id: string) => `#/components/schemas/${id}`;

/** JSON Schema (draft 2020-12, as OpenAPI 3.1 has it) of every named schema. */
export function componentSchemas(): Record<string, object> {
  const { schemas } = z.toJSONSchema(API_SCHEMAS, {
    target: 'draft-2020-12',
    io: 'output',
    uri: schemaRef,
    // A transform's output has no JSON Schema; it stays unconstrained.
    unrepresentable: 'any',
  });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, { $schema: _dialect, $id: _id, ...schema }]) => [id, schema]),
  );
}
