import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page, Section } from '../platform';

/**
 * Where the prompt shows: a screen of its own (right after a recovery link), or in place, as a
 * part of the screen that needs the keys, which shows again once they are unlocked.
 */
export function UnlockFrame({
  inPlace,
  asked = false,
  lead,
  children,
}: {
  inPlace: boolean;
  /** Opened by a button elsewhere on the screen: it takes the focus, so it is seen and heard. */
  asked?: boolean;
  lead?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const cardRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (asked) cardRef.current?.querySelector<HTMLElement>('button, input')?.focus();
  }, [asked]);
  const card = (
    <div className="card keys__card" ref={cardRef}>
      {children}
    </div>
  );
  if (inPlace) {
    return (
      <div className="keys">
        <Section title={t('keys.unlock.title')} description={lead}>
          {card}
        </Section>
      </div>
    );
  }
  return (
    <Page title={t('keys.unlock.title')} lead={lead} className="keys">
      {card}
    </Page>
  );
}
