import type { Session } from '@coop/contracts';
import { useTranslation } from 'react-i18next';
import { Badge, Button, DataTable, useDateTimeFormat, type Column } from '../../ui';
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
  isLoading,
  onRevoke,
}: {
  caption: string;
  sessions: readonly Session[] | undefined;
  isLoading: boolean;
  onRevoke: (session: Session) => void;
}) {
  const { t } = useTranslation();
  const when = useDateTimeFormat(WHEN);
  const date = (iso: string) => <time dateTime={iso}>{when.format(new Date(iso))}</time>;
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
    {
      key: 'created',
      heading: t('sessions.columns.created'),
      cell: (session) => date(session.createdAt),
    },
    {
      key: 'lastSeen',
      heading: t('sessions.columns.lastSeen'),
      cell: (session) => date(session.lastSeenAt),
    },
    {
      key: 'expires',
      heading: t('sessions.columns.expires'),
      cell: (session) => date(session.expiresAt),
    },
  ];
  return (
    <DataTable
      caption={caption}
      columns={columns}
      rows={sessions}
      rowKey={(session) => session.id}
      isLoading={isLoading}
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
