import type { FormEvent, ReactNode } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Alert } from './Alert';
import { Button } from './Button';
import { ModalDialog, type ModalDialogProps } from './Dialog';

export interface FormDialogProps extends Pick<ModalDialogProps, 'title' | 'role' | 'size'> {
  /** The form's fields, and any text that introduces them. */
  children: ReactNode;
  /** Called with the browser's own submission already prevented. */
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  onClose: () => void;
  submitLabel: string;
  isPending: boolean;
  /** What went wrong as a whole, above the buttons. */
  error?: string | null;
  /** Messages by field name: the form's own checks and the API's 422. */
  fieldErrors?: Record<string, string>;
  tone?: 'primary' | 'danger';
  isSubmitDisabled?: boolean;
}

/**
 * A dialog holding one form. Fields are checked by the form itself (`validationBehavior="aria"`,
 * so no browser bubbles) and by `fieldErrors`; closing is refused while the submission is pending.
 */
export function FormDialog({
  title,
  role,
  size,
  children,
  onSubmit,
  onClose,
  submitLabel,
  isPending,
  error,
  fieldErrors,
  tone = 'primary',
  isSubmitDisabled,
}: FormDialogProps) {
  const { t } = useTranslation();
  return (
    <ModalDialog
      title={title}
      role={role}
      size={size}
      isOpen
      isDismissable={!isPending}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <Form
        className="ui-form"
        validationBehavior="aria"
        validationErrors={fieldErrors}
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit(event);
        }}
      >
        {children}
        {error && <Alert tone="error">{error}</Alert>}
        <div className="ui-dialog__actions">
          <Button variant="secondary" isDisabled={isPending} onPress={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant={tone} isDisabled={isSubmitDisabled} isPending={isPending}>
            {submitLabel}
          </Button>
        </div>
      </Form>
    </ModalDialog>
  );
}
