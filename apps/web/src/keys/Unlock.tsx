import { isCryptoError, type AccountKeys } from '@coop/crypto';
import type { WrapKind } from '@coop/contracts';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from 'react-aria-components';
import { Loading, Page, Section, useErrorMessage, useSignedInUser } from '../platform';
import { Alert, Button, ConfirmDialog, TextField } from '../ui';
import { confirmWithPasskey, lastPasskeyUse } from '../webauthn';
import { EnrolFlow } from './EnrolFlow';
import { isRecovered, unlock } from './key-store';
import {
  passkeyHasWrap,
  savePasskeyWrap,
  unlockWithPasskey,
  unlockWithSecret,
  type CheckedRecord,
} from './operations';
import { fetchAllMyWraps, fetchMyWrapKinds, fetchMyWraps, KEYS_QUERY_KEY } from './queries';
import './keys.css';

/** How the passkey of this sign-in fared, which decides what the screen asks for first. */
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
async function attemptSilently(own: CheckedRecord, signal: AbortSignal): Promise<Attempt> {
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
 * Where the prompt shows: a screen of its own (right after a recovery link), or in place, as a
 * part of the screen that needs the keys, which shows again once they are unlocked.
 */
function UnlockFrame({
  inPlace,
  asked = false,
  lead,
  children,
}: {
  inPlace: boolean;
  /** Opened by a button elsewhere on the screen: it takes the focus, so it is seen and heard. */
  asked?: boolean;
  lead?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const cardRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (asked) cardRef.current?.querySelector<HTMLElement>('button, input')?.focus();
  }, [asked]);
  const card = (
    <div className="card keys__card" ref={cardRef}>
      {children}
    </div>
  );
  if (inPlace) {
    return (
      <div className="keys">
        <Section title={t('keys.unlock.title')} description={lead}>
          {card}
        </Section>
      </div>
    );
  }
  return (
    <Page title={t('keys.unlock.title')} lead={lead} className="keys">
      {card}
    </Page>
  );
}

export function Unlock({
  own,
  inPlace = false,
  onCancel,
}: {
  own: CheckedRecord;
  inPlace?: boolean;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const [startingOver, setStartingOver] = useState<'ask' | 'flow' | null>(null);
  const attempt = useQuery({
    queryKey: [...KEYS_QUERY_KEY, 'unlock', me.user.id, own.fingerprint],
    queryFn: ({ signal }) => attemptSilently(own, signal),
    // Each time the prompt shows it starts over: the wraps or the passkey may have changed.
    gcTime: 0,
    staleTime: Infinity,
    retry: false,
  });
  const describe = useErrorMessage();

  if (startingOver === 'flow') {
    return (
      <EnrolFlow
        mode="startOver"
        generation={own.record.generation + 1}
        onCancel={() => setStartingOver(null)}
      />
    );
  }
  if (attempt.isPending || attempt.data?.outcome === 'unlocked') return <Loading />;
  if (attempt.isError) {
    return (
      <UnlockFrame inPlace={inPlace} asked={!!onCancel}>
        <Alert tone="error">{describe(attempt.error)}</Alert>
      </UnlockFrame>
    );
  }
  return (
    <>
      <UnlockPrompt
        own={own}
        kinds={attempt.data.kinds}
        outcome={attempt.data.outcome}
        inPlace={inPlace}
        onCancel={onCancel}
        canStartOver={isRecovered(me.user.id)}
        onStartOver={() => setStartingOver('ask')}
      />
      <ConfirmDialog
        title={t('keys.startOver.confirmTitle')}
        isOpen={startingOver === 'ask'}
        onCancel={() => setStartingOver(null)}
        onConfirm={() => setStartingOver('flow')}
        confirmLabel={t('keys.startOver.confirm')}
        cancelLabel={t('common.cancel')}
      >
        <p>{t('keys.startOver.warning1')}</p>
        <p>{t('keys.startOver.warning2')}</p>
      </ConfirmDialog>
    </>
  );
}

function UnlockPrompt({
  own,
  kinds,
  outcome,
  inPlace,
  onCancel,
  canStartOver,
  onStartOver,
}: {
  own: CheckedRecord;
  kinds: readonly WrapKind[];
  outcome: PasskeyOutcome;
  inPlace: boolean;
  onCancel?: () => void;
  canStartOver: boolean;
  onStartOver: () => void;
}) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const [recoveryKey, setRecoveryKey] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState<'recovery' | 'passphrase' | 'passkey' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [passkeyOutcome, setPasskeyOutcome] = useState(outcome);
  const hasPassphrase = kinds.includes('passphrase');
  const Subheading = inPlace ? 'h3' : 'h2';

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

  const submitRecovery = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (recoveryKey.trim()) void unlockWith('recovery', recoveryKey);
  };
  const submitPassphrase = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (passphrase) void unlockWith('passphrase', passphrase);
  };

  return (
    <UnlockFrame
      inPlace={inPlace}
      asked={!!onCancel}
      lead={t(`keys.unlock.lead.${passkeyOutcome}`)}
    >
      {error && <Alert tone="error">{error}</Alert>}
      {passkeyOutcome === 'none' && (
        <div className="keys__actions keys__actions--start">
          <Button isPending={busy === 'passkey'} onPress={() => void tryPasskey()}>
            {busy === 'passkey' ? t('keys.unlock.passkeyWaiting') : t('keys.unlock.withPasskey')}
          </Button>
        </div>
      )}
      <Form className="ui-form" validationBehavior="aria" onSubmit={submitRecovery}>
        <Subheading className="keys__subheading">{t('keys.unlock.recoveryHeading')}</Subheading>
        <TextField
          label={t('keys.unlock.recoveryLabel')}
          description={t('keys.unlock.recoveryHelp')}
          value={recoveryKey}
          onChange={setRecoveryKey}
          inputDir="ltr"
          autoComplete="off"
          className="keys__recovery-input"
          isRequired
        />
        <Button
          type="submit"
          variant={passkeyOutcome === 'none' ? 'secondary' : 'primary'}
          isPending={busy === 'recovery'}
        >
          {t('keys.unlock.submitRecovery')}
        </Button>
      </Form>
      {hasPassphrase && (
        <Form className="ui-form" validationBehavior="aria" onSubmit={submitPassphrase}>
          <Subheading className="keys__subheading">{t('keys.unlock.passphraseHeading')}</Subheading>
          <TextField
            label={t('keys.unlock.passphraseLabel')}
            type="password"
            autoComplete="current-password"
            value={passphrase}
            onChange={setPassphrase}
            isRequired
          />
          {busy === 'passphrase' && (
            <Alert tone="info" live="polite">
              {t('keys.passphrase.working')}
            </Alert>
          )}
          <Button type="submit" variant="secondary" isPending={busy === 'passphrase'}>
            {t('keys.unlock.submitPassphrase')}
          </Button>
        </Form>
      )}
      {passkeyOutcome !== 'none' && (
        <p>
          <Button
            variant="secondary"
            size="small"
            isPending={busy === 'passkey'}
            onPress={() => void tryPasskey()}
          >
            {t('keys.unlock.otherPasskey')}
          </Button>
        </p>
      )}
      {onCancel && (
        <p>
          <Button variant="secondary" size="small" isDisabled={busy !== null} onPress={onCancel}>
            {t('common.cancel')}
          </Button>
        </p>
      )}
      <details className="keys__lost">
        <summary>{t('keys.lost.summary')}</summary>
        <p>{t('keys.lost.body1')}</p>
        <p>{t('keys.lost.body2')}</p>
        {canStartOver ? (
          <>
            <p>{t('keys.lost.startOverHelp')}</p>
            <Button variant="danger" onPress={onStartOver}>
              {t('keys.startOver.open')}
            </Button>
          </>
        ) : (
          <p>{t('keys.lost.askAdmin')}</p>
        )}
      </details>
    </UnlockFrame>
  );
}
