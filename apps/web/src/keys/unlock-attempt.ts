import { isCryptoError, type AccountKeys } from '@coop/crypto';
import type { WrapKind } from '@coop/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../platform';
import { confirmWithPasskey, lastPasskeyUse } from '../webauthn';
import { unlock } from './key-store';
import {
  passkeyHasWrap,
  savePasskeyWrap,
  unlockWithPasskey,
  unlockWithSecret,
  type CheckedRecord,
} from './operations';
import { fetchAllMyWraps, fetchMyWrapKinds, fetchMyWraps } from './api';

export /** How the passkey of this sign-in fared, which decides what the screen asks for first. */
type PasskeyOutcome = 'none' | 'no-prf' | 'no-wrap' | 'failed';

interface Attempt {
  /** Which secrets could open the keys, for the prompt to offer. */
  kinds: WrapKind[];
  outcome: PasskeyOutcome | 'unlocked';
}

/**
 * Tries the passkey just used; with no prompt at all when it has a wrap of the keys. The result
 * holds what the prompt needs, never the keys.
 */
export async function attemptSilently(own: CheckedRecord, signal: AbortSignal): Promise<Attempt> {
  const wraps = await fetchMyWraps(signal);
  const use = lastPasskeyUse();
  const keys = await unlockWithPasskey(own.record, wraps);
  if (keys) {
    unlock(keys, own.record, own.fingerprint);
    return { kinds: [], outcome: 'unlocked' };
  }
  const kinds = await fetchMyWrapKinds(signal);
  if (!use) return { kinds, outcome: 'none' };
  if (!use.prfOutput) return { kinds, outcome: 'no-prf' };
  return { kinds, outcome: passkeyHasWrap(own.record, wraps) ? 'failed' : 'no-wrap' };
}

/**
 * The prompt's ways to open the keys (a recovery key, a passphrase, another passkey), what it is
 * busy with, and what went wrong, worded for the user.
 */
export function useUnlockActions(own: CheckedRecord, outcome: PasskeyOutcome) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const [busy, setBusy] = useState<'recovery' | 'passphrase' | 'passkey' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [passkeyOutcome, setPasskeyOutcome] = useState(outcome);

  /** Unlocks, after wrapping the keys for this sign-in's passkey so the next one is silent. */
  const finish = async (keys: AccountKeys) => {
    try {
      unlock(keys, own.record, own.fingerprint);
      await savePasskeyWrap(own.record.userId);
    } catch {
      // The keys are unlocked; without the new wrap the next sign-in simply asks again.
    }
  };

  const unlockWith = async (kind: 'recovery' | 'passphrase', secret: string) => {
    setBusy(kind);
    setError(null);
    // Argon2id blocks the page for a few seconds: let it show that it is working first.
    await new Promise<void>((resolve) => window.setTimeout(resolve, 50));
    try {
      // Guessable wraps come only after a passkey confirmation, asked for here if not fresh.
      const keys = await unlockWithSecret(kind, secret, own.record, await fetchAllMyWraps());
      setBusy(null);
      await finish(keys);
    } catch (failure) {
      setBusy(null);
      if (isCryptoError(failure, 'invalid_recovery_key'))
        setError(t('keys.unlock.recoveryInvalid'));
      else if (isCryptoError(failure, 'recovery_key_checksum'))
        setError(t('keys.unlock.recoveryTypo'));
      else if (isCryptoError(failure))
        setError(
          kind === 'recovery' ? t('keys.unlock.recoveryWrong') : t('keys.unlock.passphraseWrong'),
        );
      else setError(describe(failure));
    }
  };

  const tryPasskey = async () => {
    setBusy('passkey');
    setError(null);
    try {
      await confirmWithPasskey();
      // Freshly confirmed, perhaps with another passkey than the session's: its wrap is there.
      const all = await fetchAllMyWraps();
      const keys = await unlockWithPasskey(own.record, all);
      setBusy(null);
      if (keys) {
        unlock(keys, own.record, own.fingerprint);
        return;
      }
      const use = lastPasskeyUse();
      setPasskeyOutcome(
        !use?.prfOutput ? 'no-prf' : passkeyHasWrap(own.record, all) ? 'failed' : 'no-wrap',
      );
    } catch (failure) {
      setBusy(null);
      setError(describe(failure));
    }
  };

  return { busy, error, passkeyOutcome, unlockWith, tryPasskey };
}
