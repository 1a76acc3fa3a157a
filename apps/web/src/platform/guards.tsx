import type { Role } from '@coop/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { Alert, Loading } from '../ui';
import { hasRole, ME_QUERY_KEY, useMe } from './auth';
import { useErrorMessage } from './errors';
import { Page } from './Page';

/** Where to come back to after signing in; only paths inside this app. */
export function safeReturnPath(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

/**
 * Routes for signed-in users. Who is signed in is asked again at every navigation, so a
 * session ended elsewhere (suspension, revocation) sends the user to the sign-in page at once.
 */
export function RequireSignedIn() {
  const { data: me, error, isPending } = useMe();
  const describe = useErrorMessage();
  const location = useLocation();
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  const previous = useRef(location.pathname);
  useEffect(() => {
    if (previous.current === location.pathname) return;
    previous.current = location.pathname;
    void queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY }, { cancelRefetch: false });
  }, [location.pathname, queryClient]);

  if (isPending) return <Loading />;
  if (error && me === undefined) {
    return (
      <Page title={t('error.title')}>
        <Alert tone="error">{describe(error)}</Alert>
      </Page>
    );
  }
  if (!me) {
    const next = `${location.pathname}${location.search}`;
    const to = next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`;
    return <Navigate to={to} replace />;
  }
  return <Outlet />;
}

/** Routes for holders of a role; others see why they cannot enter. */
export function RequireRole({ role, children }: { role: Role; children: ReactNode }) {
  const { data: me } = useMe();
  const { t } = useTranslation();
  if (!hasRole(me, role)) {
    return (
      <Page title={t('forbidden.title')}>
        <Alert tone="warning">{t('forbidden.body')}</Alert>
      </Page>
    );
  }
  return children;
}
