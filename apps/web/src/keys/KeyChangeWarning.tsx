import type { Verification } from '@coop/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert, useDateTimeFormat } from '../ui';
import { useUserKeys, useVerifications } from './queries';

const DAY: Intl.DateTimeFormatOptions = { dateStyle: 'long' };

/** My verification of each contact, by user id. */
export function useVerificationOf(): (userId: string) => Verification | undefined {
  const { data } = useVerifications();
  return (userId) => data?.find((v) => v.subjectUserId === userId);
}

/**
 * The plain-language warning shown wherever a contact appears whose key changed after I
 * verified it: until I compare again, they count as unverified.
 */
export function KeyChangeWarning({
  userId,
  name,
  compareHref,
}: {
  userId: string;
  name: string;
  compareHref?: string;
}) {
  const { t } = useTranslation();
  const verification = useVerificationOf()(userId);
  const stale = verification?.stale === true;
  const keys = useUserKeys(stale ? userId : undefined);
  const day = useDateTimeFormat(DAY);
  if (!stale) return null;
  const changedAt = keys.data?.history.at(-1)?.createdAt;
  return (
    <Alert tone="warning" live="assertive" className="keys-warning">
      <p>
        {changedAt
          ? t('keys.warning.changed', { name, date: day.format(new Date(changedAt)) })
          : t('keys.warning.changedUndated', { name })}
      </p>
      {compareHref && (
        <p>
          <Link to={compareHref}>{t('keys.warning.compare', { name })}</Link>
        </p>
      )}
    </Alert>
  );
}
