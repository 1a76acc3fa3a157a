import type { WrapKind } from '@coop/contracts';
import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Alert, Button, TextField } from '../ui';
import type { CheckedRecord } from './operations';
import { useUnlockActions, type PasskeyOutcome } from './unlock-attempt';
import { UnlockFrame } from './UnlockFrame';

export function UnlockPrompt({
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
  const [recoveryKey, setRecoveryKey] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const { busy, error, passkeyOutcome, unlockWith, tryPasskey } = useUnlockActions(own, outcome);
  const hasPassphrase = kinds.includes('passphrase');
  const Subheading = inPlace ? 'h3' : 'h2';

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
