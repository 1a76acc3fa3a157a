import { z } from 'zod';
import { APPROVAL_KINDS } from '../identity/identity';

/** What a notice tells its user about their own account's ways in. */
export const NOTICE_KINDS = [
  'passkey-added',
  'passkey-revoked',
  'recovery-issued',
  'new-browser',
  'sessions-ended',
  'approval-requested',
] as const;
export const noticeKindSchema = z.enum(NOTICE_KINDS);
export type NoticeKind = z.infer<typeof noticeKindSchema>;

/** A browser as a person would name it ("Firefox on Linux"); null when it cannot be told. */
const browserSchema = z.string().max(80).nullable();

const notice = <K extends NoticeKind, D extends z.ZodRawShape>(kind: K, details: D) =>
  z.strictObject({
    id: z.uuid(),
    kind: z.literal(kind),
    details: z.strictObject(details),
    createdAt: z.iso.datetime({ offset: true }),
    readAt: z.iso.datetime({ offset: true }).nullable(),
  });

export const noticeSchema = z.discriminatedUnion('kind', [
  notice('passkey-added', {
    passkeyName: z.string(),
    /** Added by redeeming a recovery link, which also retired every earlier passkey. */
    viaRecovery: z.boolean(),
  }),
  notice('passkey-revoked', { passkeyName: z.string(), byAdmin: z.boolean() }),
  notice('recovery-issued', { expiresAt: z.iso.datetime({ offset: true }) }),
  notice('new-browser', { browser: browserSchema }),
  notice('sessions-ended', { count: z.number().int().min(1) }),
  /**
   * A Registry admin asked for a change that waits for a second admin: told to the person it is
   * about (`aboutYou`), and to every other admin, who may approve it.
   */
  notice('approval-requested', { approvalKind: z.enum(APPROVAL_KINDS), aboutYou: z.boolean() }),
]);
export type Notice = z.infer<typeof noticeSchema>;
export type NoticeDetails<K extends NoticeKind> = Extract<Notice, { kind: K }>['details'];

export const noticeListSchema = z.strictObject({
  /** The most recent notices, newest first. */
  notices: z.array(noticeSchema),
  unread: z.number().int().min(0),
});
export type NoticeList = z.infer<typeof noticeListSchema>;

/** The sign-in before the one in use, shown after signing in so a stranger's use stands out. */
export const lastSignInSchema = z.strictObject({
  previous: z
    .strictObject({ at: z.iso.datetime({ offset: true }), browser: browserSchema })
    .nullable(),
});
export type LastSignIn = z.infer<typeof lastSignInSchema>;
