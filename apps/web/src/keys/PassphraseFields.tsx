import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from 'react-aria-components';
import { Alert, Button, TextField } from '../ui';

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
  const tooShort = [...passphrase].length < MIN_PASSPHRASE_LENGTH;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (tooShort || passphrase !== repeat) return;
    onSubmit(passphrase);
  };

  return (
    <Form className="ui-form" onSubmit={submit}>
      <TextField
        label={t('keys.passphrase.new')}
        description={t('keys.passphrase.rules', { min: MIN_PASSPHRASE_LENGTH })}
        type="password"
        autoComplete="new-password"
        value={passphrase}
        onChange={setPassphrase}
        isRequired
        validate={(value) =>
          [...value].length < MIN_PASSPHRASE_LENGTH
            ? t('keys.passphrase.tooShort', { min: MIN_PASSPHRASE_LENGTH })
            : null
        }
      />
      <TextField
        label={t('keys.passphrase.repeat')}
        type="password"
        autoComplete="new-password"
        value={repeat}
        onChange={setRepeat}
        isRequired
        validate={(value) => (value !== passphrase ? t('keys.passphrase.different') : null)}
      />
      <Alert tone="info">{t('keys.passphrase.slow')}</Alert>
      <Button type="submit" isPending={isPending}>
        {isPending ? pendingLabel : submitLabel}
      </Button>
    </Form>
  );
}
