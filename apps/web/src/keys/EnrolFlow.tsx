import { generateRecoveryKey, parseRecoveryKey, type RecoveryKey } from '@coop/crypto';
import type { UserKeys } from '@coop/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from 'react-aria-components';
import { Page, useErrorMessage, useSignedInUser } from '../platform';
import { Alert, Button, TextField, withoutError } from '../ui';
import { confirmWithPasskey, lastPasskeyUse } from '../webauthn';
import { unlock } from './key-store';
import {
  discardKeys,
  generateKeys,
  publishKeys,
  type NewKeys,
  type Protection,
} from './operations';
import { PassphraseFields } from './PassphraseFields';
import { ownKeysQueryKey } from './queries';
import { recoveryGroups, RecoveryKeySheet } from './RecoveryKeySheet';
import './keys.css';

const CONFIRM_GROUPS = 3;

type Step =
  | { kind: 'intro' }
  | { kind: 'show'; text: string }
  | { kind: 'confirm'; asked: readonly number[] }
  | { kind: 'protect' }
  | { kind: 'done'; published: UserKeys };

interface Pending {
  fresh: NewKeys;
  recovery: RecoveryKey;
}

/** Three different group positions, in order, for the user to type back. */
function pickGroups(count: number): number[] {
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

/** Lets the browser paint a "working" state before a long computation blocks the thread. */
const nextPaint = () => new Promise<void>((resolve) => window.setTimeout(resolve, 50));

/**
 * Sets up account keys: generated here, with a recovery key the user proves they saved, then
 * wrapped for the passkey just used (or a passphrase) and published. `startOver` replaces keys
 * that can no longer be unlocked, with a plain warning of what that costs.
 */
export function EnrolFlow({
  mode,
  generation,
  onCancel,
}: {
  mode: 'first' | 'startOver';
  generation: number;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const queryClient = useQueryClient();
  const me = useSignedInUser();
  const userId = me.user.id;
  const [step, setStep] = useState<Step>({ kind: 'intro' });
  const [busy, setBusy] = useState<'generating' | 'publishing' | 'passkey' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [typed, setTyped] = useState<Record<number, string>>({});
  const [mismatch, setMismatch] = useState(false);
  const [missing, setMissing] = useState<Record<string, string>>({});
  // The new private keys and the recovery secret stay out of React state.
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
      setTyped({});
      setMismatch(false);
      setStep({ kind: 'show', text: recovery.text });
    } catch (failure) {
      setError(describe(failure));
    } finally {
      setBusy(null);
    }
  };

  const publish = async (protections: readonly Protection[]) => {
    const current = pending.current;
    if (!current) return;
    setBusy('publishing');
    setError(null);
    await nextPaint();
    try {
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

  const confirm = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const current = pending.current;
    if (!current || step.kind !== 'confirm') return;
    const empty = step.asked.filter((index) => !(typed[index] ?? '').trim());
    setMissing(Object.fromEntries(empty.map((index) => [`group${index}`, t('common.required')])));
    if (empty.length > 0) return;
    const groups = recoveryGroups(current.recovery.text);
    for (const index of step.asked) groups[index] = (typed[index] ?? '').trim();
    let matches = false;
    try {
      matches = sameBytes(await parseRecoveryKey(groups.join('-')), current.recovery.secret);
    } catch {
      matches = false;
    }
    setMismatch(!matches);
    if (!matches) return;
    if (!protectWithPasskey()) setStep({ kind: 'protect' });
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

  const title = mode === 'first' ? t('keys.enrol.title') : t('keys.startOver.title');
  const errorAlert = error && <Alert tone="error">{error}</Alert>;

  if (step.kind === 'intro') {
    return (
      <Page title={title} className="keys">
        <div className="card keys__card">
          {mode === 'first' ? (
            <>
              <p>{t('keys.enrol.intro1')}</p>
              <p>{t('keys.enrol.intro2')}</p>
            </>
          ) : (
            <Alert tone="warning">
              <p>{t('keys.startOver.warning1')}</p>
              <p>{t('keys.startOver.warning2')}</p>
            </Alert>
          )}
          {errorAlert}
          <div className="keys__actions">
            {onCancel && (
              <Button variant="secondary" onPress={onCancel}>
                {t('common.cancel')}
              </Button>
            )}
            <Button isPending={busy === 'generating'} onPress={() => void start()}>
              {mode === 'first' ? t('keys.enrol.start') : t('keys.startOver.start')}
            </Button>
          </div>
        </div>
      </Page>
    );
  }

  if (step.kind === 'show') {
    return (
      <Page title={t('keys.recovery.title')} className="keys">
        <div className="card keys__card">
          <p>{t('keys.recovery.explain1')}</p>
          <Alert tone="warning">{t('keys.recovery.explain2')}</Alert>
          <RecoveryKeySheet text={step.text} holder={me.user.displayName} />
          <p>{t('keys.recovery.explain3')}</p>
          <div className="keys__actions">
            <Button
              onPress={() => {
                setTyped({});
                setMismatch(false);
                setStep({ kind: 'confirm', asked: pickGroups(recoveryGroups(step.text).length) });
              }}
            >
              {t('keys.recovery.saved')}
            </Button>
          </div>
        </div>
      </Page>
    );
  }

  if (step.kind === 'confirm') {
    return (
      <Page title={t('keys.confirm.title')} className="keys">
        <div className="card keys__card">
          <p>{t('keys.confirm.intro')}</p>
          <Form
            className="ui-form"
            validationBehavior="aria"
            validationErrors={missing}
            onSubmit={(event) => void confirm(event)}
          >
            <div className="keys__groups-input">
              {step.asked.map((index) => (
                <TextField
                  key={index}
                  name={`group${index}`}
                  label={t('keys.confirm.group', { number: index + 1 })}
                  value={typed[index] ?? ''}
                  onChange={(value) => {
                    setTyped((all) => ({ ...all, [index]: value }));
                    setMissing((all) => withoutError(all, `group${index}`));
                  }}
                  inputDir="ltr"
                  autoComplete="off"
                  maxLength={8}
                  className="keys__group-field"
                  isRequired
                />
              ))}
            </div>
            {mismatch && (
              <Alert tone="error">
                <p>{t('keys.confirm.mismatch')}</p>
              </Alert>
            )}
            {errorAlert}
            <div className="keys__actions">
              <Button variant="secondary" onPress={() => void start()}>
                {t('keys.confirm.restart')}
              </Button>
              <Button type="submit" isPending={busy === 'publishing'}>
                {busy === 'publishing' ? t('keys.enrol.publishing') : t('keys.confirm.submit')}
              </Button>
            </div>
          </Form>
        </div>
      </Page>
    );
  }

  if (step.kind === 'protect') {
    return (
      <Page title={t('keys.enrol.protect.title')} className="keys">
        <div className="card keys__card">
          <p>{t('keys.enrol.protect.noPrf')}</p>
          <PassphraseFields
            submitLabel={t('keys.enrol.protect.submit')}
            isPending={busy === 'publishing'}
            pendingLabel={t('keys.enrol.protect.working')}
            onSubmit={(passphrase) => void publish([{ kind: 'passphrase', passphrase }])}
          />
          {errorAlert}
          <h2 className="keys__subheading">{t('keys.enrol.protect.otherWays')}</h2>
          <p>{t('keys.enrol.protect.skipHelp')}</p>
          <div className="keys__actions">
            <Button
              variant="secondary"
              isPending={busy === 'passkey'}
              onPress={() => void askPasskeyAgain()}
            >
              {t('keys.enrol.protect.tryPasskey')}
            </Button>
            <Button
              variant="secondary"
              isPending={busy === 'publishing'}
              onPress={() => void publish([])}
            >
              {t('keys.enrol.protect.skip')}
            </Button>
          </div>
        </div>
      </Page>
    );
  }

  return (
    <Page title={t('keys.enrol.doneTitle')} className="keys">
      <div className="card keys__card">
        <Alert tone="success">
          <p>{mode === 'first' ? t('keys.enrol.done') : t('keys.startOver.done')}</p>
        </Alert>
        <div className="keys__actions">
          <Button autoFocus onPress={() => finish(step.published)}>
            {t('keys.enrol.continue')}
          </Button>
        </div>
      </div>
    </Page>
  );
}
