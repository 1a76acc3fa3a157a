import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { Alert, Button, ModalDialog, TextField } from '../../ui';
import { useCaselawT } from '../i18n';

/** Asks why a published text is taken away from readers; the reason goes to the audit log. */
export function UnpublishDialog({
  onClose,
  onConfirm,
  pending,
  error,
}: {
  onClose: () => void;
  onConfirm: (reason: string) => void;
  pending: boolean;
  error: string | null;
}) {
  const t = useCaselawT();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <ModalDialog
      title={t('workflow.unpublishTitle')}
      role="alertdialog"
      isOpen
      isDismissable={!pending}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <Form
        className="ui-form"
        validationBehavior="aria"
        validationErrors={missing ? { reason: t('editor.required') } : undefined}
        onSubmit={(event: FormEvent<HTMLFormElement>) => {
          event.preventDefault();
          if (!reason.trim()) {
            setMissing(true);
            return;
          }
          onConfirm(reason.trim());
        }}
      >
        <p>{t('workflow.unpublishBody')}</p>
        <TextField
          name="reason"
          label={t('workflow.reason')}
          value={reason}
          onChange={setReason}
          maxLength={500}
          isRequired
          autoFocus
        />
        {error && <Alert tone="error">{error}</Alert>}
        <div className="ui-dialog__actions">
          <Button variant="secondary" isDisabled={pending} onPress={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="danger" isPending={pending}>
            {t('workflow.unpublish')}
          </Button>
        </div>
      </Form>
    </ModalDialog>
  );
}
