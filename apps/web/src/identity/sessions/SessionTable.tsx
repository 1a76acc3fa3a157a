import type { Session } from '@coop/contracts';
import { useTranslation } from 'react-i18next';
import { Badge, Button, DataTable, useDateTimeFormat } from '../../ui';
import { describeUserAgent } from './user-agent';

const WHEN: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

function Device({ userAgent }: { userAgent: string }) {
  const { t } = useTranslation();
  const { browser, system } = describeUserAgent(userAgent);
  const label =
    browser && system
      ? t('sessions.device', { browser, system })
      : (browser ?? system ?? t('sessions.unknownDevice'));
  return (
    <>
      <span>{label}</span>
      <br />
      <span className="ui-table__muted ui-table__code" dir="ltr">
        {userAgent}
      </span>
    </>
  );
}

export function SessionTable({
  caption,
  sessions,
  onRevoke,
}: {
  caption: string;
  sessions: readonly Session[];
  onRevoke: (session: Session) => void;
}) {
  const { t } = useTranslation();
  const when = useDateTimeFormat(WHEN);
  const date = (iso: string) => <time dateTime={iso}>{when.format(new Date(iso))}</time>;
  return (
    <DataTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">{t('sessions.columns.device')}</th>
          <th scope="col">{t('sessions.columns.created')}</th>
          <th scope="col">{t('sessions.columns.lastSeen')}</th>
          <th scope="col">{t('sessions.columns.expires')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('common.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {sessions.length === 0 && (
          <tr>
            <td colSpan={5} className="ui-table__empty">
              {t('sessions.empty')}
            </td>
          </tr>
        )}
        {sessions.map((session) => (
          <tr key={session.id}>
            <td>
              <Device userAgent={session.userAgent} />
              {session.current && (
                <>
                  <br />
                  <Badge tone="positive">{t('sessions.current')}</Badge>
                </>
              )}
            </td>
            <td>{date(session.createdAt)}</td>
            <td>{date(session.lastSeenAt)}</td>
            <td>{date(session.expiresAt)}</td>
            <td className="ui-table__actions">
              {!session.current && (
                <Button
                  variant="secondary"
                  size="small"
                  aria-label={t('sessions.revokeOne', {
                    created: when.format(new Date(session.createdAt)),
                  })}
                  onPress={() => onRevoke(session)}
                >
                  {t('sessions.revoke')}
                </Button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
