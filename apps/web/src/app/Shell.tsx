import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet } from 'react-router';
import { LanguageSwitcher } from '../i18n';
import { SkipLink } from '../ui';
import './shell.css';

const MAIN_ID = 'main';

function Emblem() {
  return (
    <svg className="shell__emblem" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <circle cx="12" cy="16" r="7" fill="none" stroke="currentColor" strokeWidth="2.5" />
      <circle cx="20" cy="16" r="7" fill="none" stroke="currentColor" strokeWidth="2.5" />
    </svg>
  );
}

export function Shell() {
  const { t } = useTranslation();
  return (
    <div className="shell">
      <SkipLink target={MAIN_ID}>{t('app.skipToContent')}</SkipLink>
      <header className="shell__header">
        <div className="shell__bar">
          <Link to="/" className="shell__brand">
            <Emblem />
            <span>{t('app.name')}</span>
          </Link>
          <nav className="shell__nav" aria-label={t('app.primaryNavigation')}>
            <ul className="shell__nav-list">
              <li>
                <NavLink to="/" end className="shell__nav-link">
                  {t('nav.status')}
                </NavLink>
              </li>
            </ul>
          </nav>
          <LanguageSwitcher className="shell__language" />
        </div>
      </header>
      <main id={MAIN_ID} className="shell__main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
