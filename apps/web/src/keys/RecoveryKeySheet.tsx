import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button } from '../ui';

const PRINTING_CLASS = 'keys-print-recovery';

export function recoveryGroups(text: string): string[] {
  return text.split('-');
}

/**
 * The recovery key, shown once, in large groups, with ways to keep it. While it is on screen
 * the print stylesheet prints only this sheet.
 */
export function RecoveryKeySheet({ text, holder }: { text: string; holder: string }) {
  const { t } = useTranslation();
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    const root = document.documentElement;
    root.classList.add(PRINTING_CLASS);
    return () => root.classList.remove(PRINTING_CLASS);
  }, []);

  const copyKey = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };

  const download = () => {
    const content = `${t('keys.recovery.fileHeading', { name: holder, app: t('app.name') })}\n\n${text}\n\n${t('keys.recovery.fileAdvice')}\n`;
    const url = URL.createObjectURL(new Blob([content], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = t('keys.recovery.fileName');
    link.click();
    // The browser has taken the file by the next task; the URL must not outlive the screen.
    window.setTimeout(() => URL.revokeObjectURL(url), 0);
  };

  return (
    <div className="keys-recovery">
      <p className="keys-recovery__print-heading">
        {t('keys.recovery.fileHeading', { name: holder, app: t('app.name') })}
      </p>
      <ol className="keys-recovery__groups" dir="ltr" aria-label={t('keys.recovery.label')}>
        {recoveryGroups(text).map((group, index) => (
          <li key={index} className="keys-recovery__group">
            {group}
          </li>
        ))}
      </ol>
      <div className="keys-recovery__actions">
        <Button variant="secondary" onPress={() => void copyKey()}>
          {t('keys.recovery.copy')}
        </Button>
        <Button variant="secondary" onPress={() => window.print()}>
          {t('keys.recovery.print')}
        </Button>
        <Button variant="secondary" onPress={download}>
          {t('keys.recovery.download')}
        </Button>
      </div>
      {copy === 'copied' && <Alert tone="success">{t('keys.recovery.copied')}</Alert>}
      {copy === 'failed' && <Alert tone="error">{t('keys.recovery.copyFailed')}</Alert>}
    </div>
  );
}
