import { z } from 'zod';

/** The checks zod itself makes; the API passes their code on per failing field. */
export const ZOD_ISSUE_CODES = [
  'invalid_type',
  'too_big',
  'too_small',
  'invalid_format',
  'not_multiple_of',
  'unrecognized_keys',
  'invalid_union',
  'invalid_key',
  'invalid_element',
  'invalid_value',
  'custom',
] as const;

/**
 * The refinements our contracts add, raised as zod custom issues with `params: { code }` so a
 * client can say each in its own language.
 */
export const CONTRACT_ISSUE_CODES = [
  'control-characters',
  'malformed-text',
  'invisible-characters',
  'focal-point-needs-state',
  'state-needs-focal-point',
  'repeated',
  'registry-admin-by-approval',
  'nothing-to-change',
  'https-url',
  'needs-a-language',
  'provision',
  'subparagraph-needs-paragraph',
  'point-needs-subparagraph',
  'number-too-large',
  'prf-results',
] as const;

/** What services find wrong with a field once they look at stored data. */
export const STORED_DATA_ISSUE_CODES = [
  'unknown-state',
  'unknown-topic',
  'unknown-entry',
  'self-relation',
  'kind-fixed',
] as const;

export const FIELD_ERROR_CODES = [
  ...ZOD_ISSUE_CODES,
  ...CONTRACT_ISSUE_CODES,
  ...STORED_DATA_ISSUE_CODES,
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];
export type ContractIssueCode = (typeof CONTRACT_ISSUE_CODES)[number];

/** `params` for a contract refinement, e.g. `.refine(check, contractIssue('repeated', 'must not repeat'))`. */
export const contractIssue = (code: ContractIssueCode, message: string) => ({
  message,
  params: { code },
});

/**
 * One failing field of a 422. `message` is English for people reading the API; `code` and
 * `params` (zod's `minimum`, `maximum`, `origin`, `format`, `expected`, `values`, `divisor`) are
 * what a client translates.
 */
export const fieldErrorSchema = z.looseObject({
  field: z.string(),
  message: z.string(),
  code: z.enum(FIELD_ERROR_CODES).optional(),
  // Numbers, strings and lists of them; left open so a client ignores a bound it does not know.
  params: z.record(z.string(), z.unknown()).optional(),
});
export type FieldErrorItem = z.infer<typeof fieldErrorSchema>;

/** RFC 9457 problem details as the API sends them. */
export const problemSchema = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string().optional(),
  requestId: z.string().optional(),
  errors: z.array(fieldErrorSchema).optional(),
});
export type ProblemDocument = z.infer<typeof problemSchema>;
