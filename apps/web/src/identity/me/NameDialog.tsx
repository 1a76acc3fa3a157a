import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDialog, TextField } from '../../ui';

/** A dialog asking for a passkey name, used to add one and to rename one. */
export function NameDialog({
  title,
  intro,
  initialName,
  submitLabel,
  isPending,
  error,
  fieldError,
  onSubmit,
  onClose,
}: {
  title: string;
  intro?: string;
  initialName: string;
  submitLabel: string;
  isPending: boolean;
  error: string | null;
  fieldError?: string;
  onSubmit: (name: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(initialName);
  return (
    <FormDialog
      title={title}
      onSubmit={() => {
        if (name.trim()) onSubmit(name.trim());
      }}
      onClose={onClose}
      submitLabel={submitLabel}
      isPending={isPending}
      error={error}
      fieldErrors={fieldError ? { name: fieldError } : undefined}
    >
      {intro && <p>{intro}</p>}
      <TextField
        name="name"
        label={t('passkeys.nameLabel')}
        value={name}
        onChange={setName}
        maxLength={60}
        isRequired
        autoFocus
        validate={(value) => (value.trim() ? null : t('common.required'))}
      />
    </FormDialog>
  );
}
