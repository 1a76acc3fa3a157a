import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from 'react-aria-components';
import { Alert, Button, TextField, withoutError } from '../ui';

export const MIN_PASSPHRASE_LENGTH = 12;

/**
 * A new passphrase, typed twice. It is stretched with Argon2id in this browser, which takes a
 * few seconds on purpose: that is what makes guessing it from a stolen wrap slow.
 */
export function PassphraseFields({
  submitLabel,
  pendingLabel,
  isPending,
  onSubmit,
}: {
  submitLabel: string;
  pendingLabel: string;
  isPending: boolean;
  onSubmit: (passphrase: string) => void;
}) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [checked, setChecked] = useState<Record<string, string>>({});

  // Checked on submit only: checked as one types, "too short" would greet the empty field.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if ([...passphrase].length < MIN_PASSPHRASE_LENGTH)
      problems.passphrase = t('keys.passphrase.tooShort', { min: MIN_PASSPHRASE_LENGTH });
    if (!repeat) problems.repeat = t('common.required');
    else if (repeat !== passphrase) problems.repeat = t('keys.passphrase.different');
    setChecked(problems);
    if (Object.keys(problems).length === 0) onSubmit(passphrase);
  };

  return (
    <Form
      className="ui-form"
      validationBehavior="aria"
      validationErrors={checked}
      onSubmit={submit}
    >
      <TextField
        name="passphrase"
        label={t('keys.passphrase.new')}
        description={t('keys.passphrase.rules', { min: MIN_PASSPHRASE_LENGTH })}
        type="password"
        autoComplete="new-password"
        value={passphrase}
        onChange={(value) => {
          setPassphrase(value);
          setChecked((all) => withoutError(all, 'passphrase'));
        }}
        isRequired
      />
      <TextField
        name="repeat"
        label={t('keys.passphrase.repeat')}
        type="password"
        autoComplete="new-password"
        value={repeat}
        onChange={(value) => {
          setRepeat(value);
          setChecked((all) => withoutError(all, 'repeat'));
        }}
        isRequired
      />
      <Alert tone="info">{t('keys.passphrase.slow')}</Alert>
      <Button type="submit" isPending={isPending}>
        {isPending ? pendingLabel : submitLabel}
      </Button>
    </Form>
  );
}
