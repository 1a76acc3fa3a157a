import { useTranslation } from 'react-i18next';
import { Section, useMe } from '../platform';
import { Badge, Button, Fact, Facts, useDateTimeFormat } from '../ui';
import { formatFingerprint } from './format';
import { lock, useKeyStatus } from './key-store';
import { RequireKeys } from './RequireKeys';
import './keys.css';

const WHEN: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

/** My account: the keys unlocked on this device (else the way to unlock them), and a lock. */
export function MyKeysSection() {
  return (
    <RequireKeys>
      <UnlockedKeys />
    </RequireKeys>
  );
}

function UnlockedKeys() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const status = useKeyStatus();
  const when = useDateTimeFormat(WHEN);
  const minutes = Math.round((me?.session.idleTimeoutSeconds ?? 0) / 60);
  return (
    <Section
      title={t('keys.mine.title')}
      description={t('keys.mine.description', { minutes })}
      actions={
        status && (
          <Button variant="secondary" onPress={lock}>
            {t('keys.mine.lock')}
          </Button>
        )
      }
    >
      {status && (
        <div className="card">
          <Facts>
            <Fact label={t('keys.mine.status')}>
              <Badge tone="positive">{t('keys.mine.unlocked')}</Badge>
            </Fact>
            <Fact label={t('keys.fingerprint')}>
              <span className="keys-fingerprint" dir="ltr">
                {formatFingerprint(status.fingerprint)}
              </span>
            </Fact>
            <Fact label={t('keys.mine.created')}>
              <time dateTime={status.record.createdAt}>
                {when.format(new Date(status.record.createdAt))}
              </time>
            </Fact>
            <Fact label={t('keys.generation')}>{status.generation}</Fact>
          </Facts>
        </div>
      )}
    </Section>
  );
}
