import { useTranslation } from 'react-i18next';
import { useDateTimeFormat } from '../ui';
import { useLastSignIn } from './queries';
import './notices.css';

const WHEN: Intl.DateTimeFormatOptions = { dateStyle: 'full', timeStyle: 'short' };

/** "Last sign-in: …", so that a sign-in the user did not make stands out. */
export function LastSignIn() {
  const { t } = useTranslation();
  const when = useDateTimeFormat(WHEN);
  const previous = useLastSignIn().data?.previous;
  if (!previous) return null;
  return (
    <p className="notices__last-sign-in">
      {t('notices.lastSignIn', {
        when: when.format(new Date(previous.at)),
        browser: previous.browser ?? t('sessions.unknownDevice'),
      })}
    </p>
  );
}
