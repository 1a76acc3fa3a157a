import type { UserKeys } from '@coop/contracts';
import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Alert, Button, TextField, withoutError } from '../ui';
import type { Enrolment } from './enrolment';
import { PassphraseFields } from './PassphraseFields';
import { RecoveryKeySheet } from './RecoveryKeySheet';

// Each step is the body of the one page EnrolFlow keeps mounted, so focus stays where a step
// puts it instead of returning to the page's heading.

export type EnrolMode = 'first' | 'startOver';

function ErrorAlert({ error }: { error: string | null }) {
  return error && <Alert tone="error">{error}</Alert>;
}

export function IntroStep({
  mode,
  enrolment,
  onCancel,
}: {
  mode: EnrolMode;
  enrolment: Enrolment;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
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
      <ErrorAlert error={enrolment.error} />
      <div className="keys__actions">
        {onCancel && (
          <Button variant="secondary" onPress={onCancel}>
            {t('common.cancel')}
          </Button>
        )}
        <Button isPending={enrolment.busy === 'generating'} onPress={() => void enrolment.start()}>
          {mode === 'first' ? t('keys.enrol.start') : t('keys.startOver.start')}
        </Button>
      </div>
    </>
  );
}

export function ShowStep({
  text,
  holder,
  enrolment,
}: {
  text: string;
  holder: string;
  enrolment: Enrolment;
}) {
  const { t } = useTranslation();
  return (
    <>
      <p>{t('keys.recovery.explain1')}</p>
      <Alert tone="warning">{t('keys.recovery.explain2')}</Alert>
      <RecoveryKeySheet text={text} holder={holder} />
      <p>{t('keys.recovery.explain3')}</p>
      <div className="keys__actions">
        <Button onPress={() => enrolment.askBack(text)}>{t('keys.recovery.saved')}</Button>
      </div>
    </>
  );
}

export function ConfirmStep({
  asked,
  enrolment,
}: {
  asked: readonly number[];
  enrolment: Enrolment;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState<Record<number, string>>({});
  const [mismatch, setMismatch] = useState(false);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const confirm = async () => {
    const empty = asked.filter((index) => !(typed[index] ?? '').trim());
    setMissing(Object.fromEntries(empty.map((index) => [`group${index}`, t('common.required')])));
    if (empty.length > 0) return;
    setMismatch(!(await enrolment.confirm(typed)));
  };
  const publishing = enrolment.busy === 'publishing';
  return (
    <>
      <p>{t('keys.confirm.intro')}</p>
      <Form
        className="ui-form"
        validationBehavior="aria"
        validationErrors={missing}
        onSubmit={(event) => {
          event.preventDefault();
          void confirm();
        }}
      >
        <div className="keys__groups-input">
          {asked.map((index) => (
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
        <ErrorAlert error={enrolment.error} />
        <div className="keys__actions">
          <Button variant="secondary" onPress={() => void enrolment.start()}>
            {t('keys.confirm.restart')}
          </Button>
          <Button type="submit" isPending={publishing}>
            {publishing ? t('keys.enrol.publishing') : t('keys.confirm.submit')}
          </Button>
        </div>
      </Form>
    </>
  );
}

export function ProtectStep({ enrolment }: { enrolment: Enrolment }) {
  const { t } = useTranslation();
  const publishing = enrolment.busy === 'publishing';
  return (
    <>
      <p>{t('keys.enrol.protect.noPrf')}</p>
      <PassphraseFields
        submitLabel={t('keys.enrol.protect.submit')}
        isPending={publishing}
        pendingLabel={t('keys.enrol.protect.working')}
        onSubmit={(passphrase) => void enrolment.publish([{ kind: 'passphrase', passphrase }])}
      />
      <ErrorAlert error={enrolment.error} />
      <h2 className="keys__subheading">{t('keys.enrol.protect.otherWays')}</h2>
      <p>{t('keys.enrol.protect.skipHelp')}</p>
      <div className="keys__actions">
        <Button
          variant="secondary"
          isPending={enrolment.busy === 'passkey'}
          onPress={() => void enrolment.askPasskeyAgain()}
        >
          {t('keys.enrol.protect.tryPasskey')}
        </Button>
        <Button
          variant="secondary"
          isPending={publishing}
          onPress={() => void enrolment.publish([])}
        >
          {t('keys.enrol.protect.skip')}
        </Button>
      </div>
    </>
  );
}

export function DoneStep({
  mode,
  published,
  enrolment,
}: {
  mode: EnrolMode;
  published: UserKeys;
  enrolment: Enrolment;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Alert tone="success">
        <p>{mode === 'first' ? t('keys.enrol.done') : t('keys.startOver.done')}</p>
      </Alert>
      <div className="keys__actions">
        <Button autoFocus onPress={() => enrolment.finish(published)}>
          {t('keys.enrol.continue')}
        </Button>
      </div>
    </>
  );
}
