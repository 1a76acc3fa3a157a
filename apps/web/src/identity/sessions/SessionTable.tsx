import type { Session } from '@coop/contracts';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../platform';
import { Badge, Button, DataTable, timeColumn, useDateTimeFormat, type Column } from '../../ui';
import type { ListQuery } from '../list-query';
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
  sessions: ListQuery<Session>;
  onRevoke: (session: Session) => void;
}) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const when = useDateTimeFormat(WHEN);
  const columns: Column<Session>[] = [
    {
      key: 'device',
      heading: t('sessions.columns.device'),
      cell: (session) => (
        <>
          <Device userAgent={session.userAgent} />
          {session.current && (
            <>
              <br />
              <Badge tone="positive">{t('sessions.current')}</Badge>
            </>
          )}
        </>
      ),
    },
    timeColumn('created', t('sessions.columns.created'), (s) => s.createdAt, when),
    timeColumn('lastSeen', t('sessions.columns.lastSeen'), (s) => s.lastSeenAt, when),
    timeColumn('expires', t('sessions.columns.expires'), (s) => s.expiresAt, when),
  ];
  return (
    <DataTable
      caption={caption}
      columns={columns}
      rows={sessions.data}
      rowKey={(session) => session.id}
      isLoading={sessions.isPending}
      error={describe(sessions.error)}
      empty={t('sessions.empty')}
      actions={(session) =>
        !session.current && (
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
        )
      }
    />
  );
}
