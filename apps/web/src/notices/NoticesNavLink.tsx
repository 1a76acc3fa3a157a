import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useNotices } from './queries';
import './notices.css';

/** The shell's link to the notices, with the number still unread. */
export function NoticesNavLink() {
  const { t } = useTranslation();
  const unread = useNotices().data?.unread ?? 0;
  return (
    <li>
      <NavLink
        to="/notices"
        className="shell__nav-link"
        aria-label={unread ? t('notices.navUnread', { count: unread }) : undefined}
      >
        {t('nav.notices')}
        {unread > 0 && (
          <span className="notices__count" aria-hidden="true">
            {unread}
          </span>
        )}
      </NavLink>
    </li>
  );
}
