import type { Role, UserStatus } from '@coop/contracts';

/**
 * Who is calling: read once per request from the session and its user, and never a database row,
 * so no handler can save it back or reach the rest of the account through it.
 */
export interface Principal {
  readonly userId: string;
  readonly displayName: string;
  readonly email: string;
  readonly roles: readonly Role[];
  readonly stateCode: string | null;
  readonly status: UserStatus;
  readonly userCreatedAt: Date;
  readonly sessionId: string;
  /** The passkey that opened the session; null once that passkey row is gone. */
  readonly passkeyId: string | null;
  /** Last user-verified assertion, for step-up. */
  readonly verifiedAt: Date;
  readonly expiresAt: Date;
}
