import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from './Alert';
import { Button } from './Button';
import { ModalDialog } from './Dialog';

export interface ConfirmDialogProps {
  title: string;
  isOpen: boolean;
  onCancel: () => void;
  onConfirm: () => void;
  confirmLabel: string;
  /** "Cancel" unless said otherwise. */
  cancelLabel?: string;
  children?: ReactNode;
  error?: string | null;
  isPending?: boolean;
  tone?: 'primary' | 'danger';
}

/** Asks before an action that cannot be undone; the action's error is shown in place. */
export function ConfirmDialog({
  title,
  isOpen,
  onCancel,
  onConfirm,
  confirmLabel,
  cancelLabel,
  children,
  error,
  isPending,
  tone = 'danger',
}: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <ModalDialog
      title={title}
      role="alertdialog"
      isOpen={isOpen}
      isDismissable={!isPending}
      onOpenChange={(open) => {
        if (!open) onCancel();
      }}
    >
      {children}
      {error && <Alert tone="error">{error}</Alert>}
      <div className="ui-dialog__actions">
        <Button variant="secondary" isDisabled={isPending} onPress={onCancel}>
          {cancelLabel ?? t('common.cancel')}
        </Button>
        <Button variant={tone} isPending={isPending} onPress={onConfirm}>
          {confirmLabel}
        </Button>
      </div>
    </ModalDialog>
  );
}
