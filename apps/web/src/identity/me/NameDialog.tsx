import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Alert, Button, ModalDialog, TextField } from '../../ui';

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
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (name.trim()) onSubmit(name.trim());
  };
  return (
    <ModalDialog
      title={title}
      isOpen
      isDismissable={!isPending}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <Form
        className="ui-form"
        validationBehavior="aria"
        validationErrors={fieldError ? { name: fieldError } : undefined}
        onSubmit={submit}
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
        {error && <Alert tone="error">{error}</Alert>}
        <div className="ui-dialog__actions">
          <Button variant="secondary" isDisabled={isPending} onPress={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" isPending={isPending}>
            {submitLabel}
          </Button>
        </div>
      </Form>
    </ModalDialog>
  );
}
