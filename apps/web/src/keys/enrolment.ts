import { generateRecoveryKey, type RecoveryKey } from '@coop/crypto';
import type { UserKeys } from '@coop/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage, useSignedInUser } from '../platform';
import { confirmWithPasskey, lastPasskeyUse } from '../webauthn';
import { unlock } from './key-store';
import {
  discardKeys,
  generateKeys,
  publishKeys,
  type NewKeys,
  type Protection,
} from './operations';
import { ownKeysQueryKey } from './queries';
import { pickGroups, typedBackMatches } from './recovery-check';
import { recoveryGroups } from './RecoveryKeySheet';

export type EnrolStep =
  | { kind: 'intro' }
  | { kind: 'show'; text: string }
  | { kind: 'confirm'; asked: readonly number[] }
  | { kind: 'protect' }
  | { kind: 'done'; published: UserKeys };

export type EnrolBusy = 'generating' | 'publishing' | 'passkey' | null;

interface Pending {
  fresh: NewKeys;
  recovery: RecoveryKey;
}

/** Lets the browser paint a "working" state before a long computation blocks the thread. */
const nextPaint = () => new Promise<void>((resolve) => window.setTimeout(resolve, 50));

/**
 * The steps of setting up account keys: generate them with a recovery key, have the user type
 * part of it back, protect them (the passkey just used, a passphrase, or nothing), publish, and
 * unlock. The new private keys and the recovery secret stay out of React state.
 */
export function useEnrolment(generation: number) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const queryClient = useQueryClient();
  const userId = useSignedInUser().user.id;
  const [step, setStep] = useState<EnrolStep>({ kind: 'intro' });
  const [busy, setBusy] = useState<EnrolBusy>(null);
  const [error, setError] = useState<string | null>(null);
  const pending = useRef<Pending | null>(null);

  useEffect(
    () => () => {
      // Leaving before the end: whatever was generated is dropped.
      discardKeys(pending.current?.fresh);
      pending.current?.recovery.secret.fill(0);
      pending.current = null;
    },
    [],
  );

  const start = async () => {
    setBusy('generating');
    setError(null);
    try {
      discardKeys(pending.current?.fresh);
      const fresh = await generateKeys(userId, generation);
      const recovery = await generateRecoveryKey();
      pending.current = { fresh, recovery };
      setStep({ kind: 'show', text: recovery.text });
    } catch (failure) {
      setError(describe(failure));
    } finally {
      setBusy(null);
    }
  };

  const askBack = (text: string) =>
    setStep({ kind: 'confirm', asked: pickGroups(recoveryGroups(text).length) });

  const publish = async (protections: readonly Protection[]) => {
    const current = pending.current;
    if (!current) return;
    setBusy('publishing');
    setError(null);
    await nextPaint();
    try {
      // Not a react-query mutation: its cache would keep the private keys and the recovery
      // secret as the mutation's variables after they are wiped here.
      const published = await publishKeys(current.fresh, current.recovery.secret, protections);
      setStep({ kind: 'done', published });
    } catch (failure) {
      setError(describe(failure));
    } finally {
      for (const protection of protections) {
        if (protection.kind === 'prf') protection.prfOutput.fill(0);
      }
      setBusy(null);
    }
  };

  /** With the PRF output of the passkey just used, the keys are wrapped for it at once. */
  const protectWithPasskey = (): boolean => {
    const use = lastPasskeyUse();
    if (!use?.prfOutput) return false;
    void publish([
      { kind: 'prf', credentialId: use.credentialId, prfOutput: use.prfOutput.slice() },
    ]);
    return true;
  };

  /** False when the typed groups do not match; otherwise goes on to protecting the keys. */
  const confirm = async (typed: Readonly<Record<number, string>>): Promise<boolean> => {
    const current = pending.current;
    if (!current || step.kind !== 'confirm') return true;
    const matches = await typedBackMatches(current.recovery, step.asked, typed);
    if (matches && !protectWithPasskey()) setStep({ kind: 'protect' });
    return matches;
  };

  const askPasskeyAgain = async () => {
    setBusy('passkey');
    setError(null);
    try {
      await confirmWithPasskey();
      if (!protectWithPasskey()) setError(t('keys.enrol.protect.stillNoPrf'));
    } catch (failure) {
      setError(describe(failure));
    } finally {
      setBusy(null);
    }
  };

  const finish = (published: UserKeys) => {
    const current = pending.current;
    if (!current) return;
    pending.current = null;
    current.recovery.secret.fill(0);
    queryClient.setQueryData(ownKeysQueryKey(userId), {
      keys: published,
      checked: { record: current.fresh.record, fingerprint: current.fresh.fingerprint },
    });
    unlock(current.fresh.keys, current.fresh.record, current.fresh.fingerprint);
  };

  return { step, busy, error, start, askBack, confirm, publish, askPasskeyAgain, finish };
}

export type Enrolment = ReturnType<typeof useEnrolment>;
