import { createHash } from 'node:crypto';

/** What one audit entry says; the hash covers exactly these fields, canonically encoded. */
export interface AuditContent {
  seq: string;
  at: string;
  actorId: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  stateCode: string | null;
  details: Record<string, unknown>;
}

export const GENESIS_HASH = Buffer.alloc(32);

/** JSON with object keys sorted at every depth, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** hash_n = SHA-256("coop-audit-v1" || hash_{n-1} || canonical(content_n)) */
export function entryHash(prevHash: Buffer, content: AuditContent): Buffer {
  const { seq, at, actorId, action, subjectType, subjectId, stateCode, details } = content;
  const covered: AuditContent = {
    seq,
    at,
    actorId,
    action,
    subjectType,
    subjectId,
    stateCode,
    details,
  };
  return createHash('sha256')
    .update('coop-audit-v1')
    .update(prevHash)
    .update(canonicalJson(covered))
    .digest();
}

export interface ChainRow extends AuditContent {
  prevHash: Buffer;
  hash: Buffer;
}

export type ChainVerdict =
  | { ok: true; entries: number; head: string }
  | { ok: false; entries: number; firstBadSeq: string; reason: string };

/** Checks rows one by one in sequence order, so a long chain can be streamed in pages. */
export class ChainVerifier {
  private prev: Buffer = GENESIS_HASH;
  private expectedSeq = 1n;
  private count = 0;
  private failure: { seq: string; reason: string } | undefined;

  /** Returns false once the chain is broken; later rows are ignored. */
  push(row: ChainRow): boolean {
    if (this.failure) return false;
    const reason =
      BigInt(row.seq) !== this.expectedSeq
        ? `expected entry ${this.expectedSeq} here: an entry is missing or out of order`
        : !row.prevHash.equals(this.prev)
          ? 'does not link to the previous entry'
          : !entryHash(this.prev, row).equals(row.hash)
            ? 'its content does not match its hash'
            : undefined;
    if (reason) {
      this.failure = { seq: row.seq, reason };
      return false;
    }
    this.prev = row.hash;
    this.expectedSeq += 1n;
    this.count += 1;
    return true;
  }

  verdict(): ChainVerdict {
    return this.failure
      ? {
          ok: false,
          entries: this.count,
          firstBadSeq: this.failure.seq,
          reason: this.failure.reason,
        }
      : { ok: true, entries: this.count, head: this.prev.toString('hex') };
  }
}
