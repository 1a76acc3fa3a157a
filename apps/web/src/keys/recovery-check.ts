import { parseRecoveryKey, type RecoveryKey } from '@coop/crypto';
import { recoveryGroups } from './RecoveryKeySheet';

const CONFIRM_GROUPS = 3;

/** Three different group positions, in order, for the user to type back. */
export function pickGroups(count: number): number[] {
  const picked = new Set<number>();
  const random = new Uint32Array(1);
  while (picked.size < CONFIRM_GROUPS) {
    crypto.getRandomValues(random);
    picked.add(random[0] % count);
  }
  return [...picked].sort((a, b) => a - b);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/**
 * Whether the groups typed back, put in place of the asked ones, decode to the same recovery
 * secret: a typo anywhere fails the key's own check or gives other bytes.
 */
export async function typedBackMatches(
  recovery: RecoveryKey,
  asked: readonly number[],
  typed: Readonly<Record<number, string>>,
): Promise<boolean> {
  const groups = recoveryGroups(recovery.text);
  for (const index of asked) groups[index] = (typed[index] ?? '').trim();
  try {
    return sameBytes(await parseRecoveryKey(groups.join('-')), recovery.secret);
  } catch {
    return false;
  }
}
