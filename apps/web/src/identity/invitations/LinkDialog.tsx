import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, ModalDialog, TextField } from '../../ui';

/**
 * Shows a freshly issued invitation link. The API keeps only a hash of its token, so this is
 * the one time anyone sees it: the dialog closes only when the admin says so.
 */
export function LinkDialog({
  link,
  name,
  onClose,
}: {
  link: string;
  name: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };
  return (
    <ModalDialog
      title={t('invitations.link.title', { name })}
      isOpen
      isDismissable={false}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      size="large"
    >
      <Alert tone="warning">{t('invitations.link.warning', { name })}</Alert>
      <TextField
        label={t('invitations.link.label')}
        value={link}
        isReadOnly
        inputDir="ltr"
        className="link-field"
      />
      {copy === 'copied' && <Alert tone="success">{t('invitations.link.copied')}</Alert>}
      {copy === 'failed' && <Alert tone="error">{t('invitations.link.copyFailed')}</Alert>}
      <div className="ui-dialog__actions">
        <Button variant="secondary" onPress={onClose}>
          {t('invitations.link.done')}
        </Button>
        <Button autoFocus onPress={() => void copyLink()}>
          {t('invitations.link.copy')}
        </Button>
      </div>
    </ModalDialog>
  );
}
