import { wipeAccountKeys, type AccountKeys, type KeyRecordV1 } from '@coop/crypto';
import { useSyncExternalStore } from 'react';
import { onSessionEnd } from '../platform';
import { forgetPrfOutput } from '../webauthn';

/**
 * The signed-in user's unlocked account keys. They live in this module's memory and nowhere
 * else: not in any browser storage, not in React state or the query cache (which dev tools and
 * persisters can serialise). React reads only the public status below.
 */
interface Unlocked {
  keys: AccountKeys;
  record: KeyRecordV1;
  fingerprint: string;
}

/** What screens may know about the keys: nothing secret. */
export interface KeyStatus {
  userId: string;
  generation: number;
  fingerprint: string;
  record: KeyRecordV1;
}

let unlocked: Unlocked | null = null;
let status: KeyStatus | null = null;
/** Set when this tab signed in through a recovery invitation: starting over is then offered. */
let recoveredUserId: string | null = null;
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

/** Takes ownership of `keys`: they are wiped at the next lock. */
export function unlock(keys: AccountKeys, record: KeyRecordV1, fingerprint: string): void {
  if (unlocked && unlocked.keys !== keys) wipeAccountKeys(unlocked.keys);
  unlocked = { keys, record, fingerprint };
  status = { userId: record.userId, generation: record.generation, fingerprint, record };
  notify();
}

/**
 * Wipes the keys and the PRF output that could unwrap them again without asking: at sign-out,
 * when the session ends, after inactivity.
 */
export function lock(): void {
  forgetPrfOutput();
  if (!unlocked) return;
  wipeAccountKeys(unlocked.keys);
  unlocked = null;
  status = null;
  notify();
}

/** The unlocked keys of `userId`, for the moment of one operation; never keep the result. */
export function accountKeys(userId: string): Unlocked | null {
  return unlocked && unlocked.record.userId === userId ? unlocked : null;
}

export function keyStatus(): KeyStatus | null {
  return status;
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function useKeyStatus(): KeyStatus | null {
  return useSyncExternalStore(subscribe, keyStatus, keyStatus);
}

/** Called when a recovery invitation was redeemed in this tab (the old passkeys are gone). */
export function markRecovered(userId: string): void {
  recoveredUserId = userId;
}

export function isRecovered(userId: string): boolean {
  return recoveredUserId === userId;
}

/** Sign-out, or the API said the session is gone: nothing of this user stays in memory. */
function endSession(): void {
  recoveredUserId = null;
  lock();
}

// Registered where the keys live: whenever this module holds keys, the end of a session wipes them.
onSessionEnd(endSession);
