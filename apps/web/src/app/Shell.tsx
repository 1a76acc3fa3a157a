import { useMutation } from '@tanstack/react-query';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigate, type Location } from 'react-router';
import { CaselawNavLink } from '../caselaw';
import { LanguageSwitcher } from '../i18n';
import { useRoleSummary } from '../identity';
import { NoticesNavLink } from '../notices';
import { hasRole, useMe, useSession } from '../platform';
import { Button, SkipLink } from '../ui';
import { signOut } from '../webauthn';
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

function NavItem({ to, end, children }: { to: string; end?: boolean; children: string }) {
  return (
    <li>
      <NavLink to={to} end={end} className="shell__nav-link">
        {children}
      </NavLink>
    </li>
  );
}

function SignedInUser() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const summary = useRoleSummary();
  const { signedOut } = useSession();
  const navigate = useNavigate();
  const leave = useMutation({
    mutationFn: signOut,
    // Even if the API could not be told, this browser forgets the user.
    onSettled: () => {
      signedOut();
      void navigate('/sign-in', { replace: true });
    },
  });
  if (!me) return null;
  return (
    <div className="shell__user">
      <p className="shell__user-text">
        <span className="shell__user-name">{me.user.displayName}</span>
        <span className="shell__user-roles">{summary(me.user)}</span>
      </p>
      <Button
        variant="secondary"
        size="small"
        className="shell__sign-out"
        isPending={leave.isPending}
        onPress={() => leave.mutate()}
      >
        {t('nav.signOut')}
      </Button>
    </div>
  );
}

function MenuIcon() {
  return (
    <svg className="shell__menu-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M3 6h18M3 12h18M3 18h18" stroke="currentColor" strokeWidth="2" />
    </svg>
  );
}

export function Shell() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const menuId = useId();
  const menuButton = useRef<HTMLButtonElement>(null);
  // On narrow screens the navigation and account controls fold behind a disclosure button. It
  // belongs to the location it was opened at, so any navigation closes it (keys repeat: every
  // entry the app did not create is "default", so the location object itself is compared).
  const location = useLocation();
  const [openAt, setOpenAt] = useState<Location | null>(null);
  const menuOpen = openAt === location;
  const onKeyDown = (event: KeyboardEvent) => {
    // Popovers inside the menu (the language list) handle their own Escape first.
    if (!menuOpen || event.key !== 'Escape' || event.defaultPrevented) return;
    setOpenAt(null);
    menuButton.current?.focus();
  };
  return (
    <div className="shell">
      <SkipLink target={MAIN_ID}>{t('app.skipToContent')}</SkipLink>
      <header className="shell__header" onKeyDown={onKeyDown}>
        <div className="shell__bar">
          <Link to="/" className="shell__brand">
            <Emblem />
            <span>{t('app.name')}</span>
          </Link>
          <button
            ref={menuButton}
            type="button"
            className="shell__menu-button"
            aria-expanded={menuOpen}
            aria-controls={menuId}
            onClick={() => setOpenAt(menuOpen ? null : location)}
          >
            <MenuIcon />
            {t('app.menu')}
          </button>
          <div id={menuId} className="shell__menu" data-open={menuOpen || undefined}>
            <nav className="shell__nav" aria-label={t('app.primaryNavigation')}>
              <ul className="shell__nav-list">
                {me ? (
                  <>
                    <NavItem to="/" end>
                      {t('nav.home')}
                    </NavItem>
                    <NavItem to="/people">{t('nav.people')}</NavItem>
                    <CaselawNavLink />
                    <NavItem to="/account">{t('nav.account')}</NavItem>
                    <NoticesNavLink />
                    {hasRole(me, 'registry_admin') && (
                      <NavItem to="/admin">{t('nav.admin')}</NavItem>
                    )}
                  </>
                ) : (
                  <NavItem to="/sign-in">{t('nav.signIn')}</NavItem>
                )}
                <NavItem to="/status">{t('nav.status')}</NavItem>
              </ul>
            </nav>
            <div className="shell__utility">
              <SignedInUser />
              <LanguageSwitcher className="shell__language" />
            </div>
          </div>
        </div>
      </header>
      <main id={MAIN_ID} className="shell__main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
