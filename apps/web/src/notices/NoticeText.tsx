import type { Notice } from '@coop/contracts';
import { useTranslation } from 'react-i18next';
import { useDateTimeFormat } from '../ui';

const WHEN: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

/** What a notice says, in the reader's language. */
export function NoticeText({ notice }: { notice: Notice }) {
  const { t } = useTranslation();
  const when = useDateTimeFormat(WHEN);
  switch (notice.kind) {
    case 'passkey-added':
      return notice.details.viaRecovery
        ? t('notices.kinds.passkeyAddedByRecovery', { name: notice.details.passkeyName })
        : t('notices.kinds.passkeyAdded', { name: notice.details.passkeyName });
    case 'passkey-revoked':
      return notice.details.byAdmin
        ? t('notices.kinds.passkeyRevokedByAdmin', { name: notice.details.passkeyName })
        : t('notices.kinds.passkeyRevoked', { name: notice.details.passkeyName });
    case 'recovery-issued':
      return t('notices.kinds.recoveryIssued', {
        expires: when.format(new Date(notice.details.expiresAt)),
      });
    case 'new-browser':
      return t('notices.kinds.newBrowser', {
        browser: notice.details.browser ?? t('sessions.unknownDevice'),
      });
    case 'sessions-ended':
      return t('notices.kinds.sessionsEnded');
    case 'approval-requested':
      return t(
        notice.details.aboutYou
          ? 'notices.kinds.approvalAboutYou'
          : 'notices.kinds.approvalToDecide',
        { what: t(`approvals.kind.${notice.details.approvalKind}`) },
      );
  }
}
