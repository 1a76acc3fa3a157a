import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';

const SECTIONS = [
  ['users', 'admin.nav.users'],
  ['invitations', 'admin.nav.invitations'],
  ['states', 'admin.nav.states'],
  ['approvals', 'admin.nav.approvals'],
  ['audit', 'admin.nav.audit'],
] as const;

/** The Registry admin console: its own navigation above each screen. */
export function AdminLayout() {
  const { t } = useTranslation();
  return (
    <>
      <nav className="subnav" aria-label={t('admin.nav.label')}>
        <ul className="subnav__list">
          {SECTIONS.map(([path, label]) => (
            <li key={path}>
              <NavLink to={`/admin/${path}`} className="subnav__link">
                {t(label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
