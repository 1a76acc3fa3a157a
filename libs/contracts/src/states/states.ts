import { z } from 'zod';
import { contractIssue } from '../platform/problem';

export const LANGUAGES = ['en', 'fr', 'ar', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * Free text as people type it. Control characters (C0, DEL and C1) are refused, and so are lone
 * surrogates: PostgreSQL would silently store them as U+FFFD, so the text kept would not be the
 * text sent.
 */
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine(
      (s) => !/\p{Cc}/u.test(s),
      contractIssue('control-characters', 'must not contain control characters'),
    )
    .refine(
      (s) => !/\p{Cs}/u.test(s),
      contractIssue('malformed-text', 'must be well-formed Unicode text'),
    );

export const boundedText = text;

/**
 * A name people tell things apart by: display names, passkey names, State names, topic labels.
 * Free text that also refuses format characters (Unicode Cf) and line and paragraph separators:
 * bidirectional overrides reorder what is shown, and zero-width characters make two different
 * names look the same.
 */
export const nameText = (max: number) =>
  text(max).refine(
    (s) => !/[\p{Cf}\p{Zl}\p{Zp}]/u.test(s),
    contractIssue(
      'invisible-characters',
      'must not contain invisible formatting characters (bidirectional controls, zero-width characters, line separators)',
    ),
  );

export const localizedNamesSchema = z.strictObject({
  en: nameText(200),
  fr: nameText(200),
  ar: nameText(200),
  es: nameText(200),
});
export type LocalizedNames = z.infer<typeof localizedNamesSchema>;

export const REGIONAL_GROUPS = [
  'african',
  'asia-pacific',
  'eastern-european',
  'latin-american-caribbean',
  'western-european-other',
] as const;
export const regionalGroupSchema = z.enum(REGIONAL_GROUPS);
export type RegionalGroup = z.infer<typeof regionalGroupSchema>;

export const stateCodeSchema = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 code');
const isoDate = z.iso.date();

export const stateSchema = z.strictObject({
  code: stateCodeSchema,
  names: localizedNamesSchema,
  regionalGroup: regionalGroupSchema,
  entryIntoForce: isoDate,
  withdrawalEffective: isoDate.nullable(),
});
export type State = z.infer<typeof stateSchema>;

export const createStateSchema = stateSchema.extend({
  withdrawalEffective: isoDate.nullable().default(null),
});
export type CreateState = z.infer<typeof createStateSchema>;

export const recordWithdrawalSchema = z.strictObject({ withdrawalEffective: isoDate });
export type RecordWithdrawal = z.infer<typeof recordWithdrawalSchema>;

export const stateRevisionSchema = z.strictObject({
  snapshot: stateSchema,
  reason: z.string(),
  actorId: z.string().nullable(),
  createdAt: z.string(),
});
export type StateRevision = z.infer<typeof stateRevisionSchema>;
