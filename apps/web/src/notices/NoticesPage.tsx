import { useTranslation } from 'react-i18next';
import { Page, useErrorMessage } from '../platform';
import { Alert, Badge, Button, Loading, useDateTimeFormat } from '../ui';
import { NoticeText } from './NoticeText';
import { useMarkRead, useNotices } from './queries';
import './notices.css';

const WHEN: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

/** Changes to the ways into the account, newest first, for the user to recognise or not. */
export function NoticesPage() {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const notices = useNotices();
  const markRead = useMarkRead();
  const when = useDateTimeFormat(WHEN);

  if (notices.isPending) return <Loading />;
  return (
    <Page
      title={t('notices.title')}
      lead={t('notices.lead')}
      actions={
        !!notices.data?.unread && (
          <Button
            variant="secondary"
            isPending={markRead.isPending && markRead.variables === 'all'}
            onPress={() => markRead.mutate('all')}
          >
            {t('notices.markAllRead')}
          </Button>
        )
      }
    >
      {notices.isError && <Alert tone="error">{describe(notices.error)}</Alert>}
      {markRead.isError && <Alert tone="error">{describe(markRead.error)}</Alert>}
      {notices.data?.notices.length === 0 && <p>{t('notices.empty')}</p>}
      <ul className="notices">
        {notices.data?.notices.map((notice) => (
          <li key={notice.id} className="card notices__item">
            <p className="notices__text">
              <NoticeText notice={notice} />
            </p>
            <p className="notices__meta">
              <time dateTime={notice.createdAt}>{when.format(new Date(notice.createdAt))}</time>
              {notice.readAt === null && <Badge tone="warning">{t('notices.unread')}</Badge>}
              {notice.readAt === null && (
                <Button
                  variant="secondary"
                  size="small"
                  isPending={markRead.isPending && markRead.variables === notice.id}
                  onPress={() => markRead.mutate(notice.id)}
                >
                  {t('notices.markRead')}
                </Button>
              )}
            </p>
          </li>
        ))}
      </ul>
    </Page>
  );
}
