import { browserSupportsWebAuthn } from '@simplewebauthn/browser';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { Page, safeReturnPath, useErrorMessage, useMe } from '../../platform';
import { Alert, Button } from '../../ui';
import { useSignIn } from './queries';
import './auth.css';

function PasskeyIcon() {
  return (
    <svg className="auth__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <circle cx="9" cy="8" r="4" fill="none" stroke="currentColor" strokeWidth="2" />
      <path
        d="M2 20c0-3.5 3-6 7-6 1.4 0 2.7.3 3.8.9"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
      />
      <circle cx="18" cy="13" r="2.5" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M18 15.5V21l1.5-1.2M18 18.5h1.5" fill="none" stroke="currentColor" strokeWidth="2" />
    </svg>
  );
}

export function SignInPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [params] = useSearchParams();
  const next = safeReturnPath(params.get('next'));
  const describe = useErrorMessage();
  const supported = browserSupportsWebAuthn();
  const signIn = useSignIn();

  if (me) return <Navigate to={next} replace />;
  const error = describe(signIn.error);

  return (
    <Page title={t('signIn.title')} className="auth">
      <div className="card auth__card">
        {supported ? (
          <>
            <p>{t('signIn.intro')}</p>
            {error && <Alert tone="error">{error}</Alert>}
            <Button
              className="auth__primary"
              isPending={signIn.isPending}
              onPress={() => signIn.mutate()}
            >
              <PasskeyIcon />
              {signIn.isPending ? t('signIn.waiting') : t('signIn.button')}
            </Button>
          </>
        ) : (
          <Alert tone="warning">
            <p>{t('signIn.unsupported')}</p>
          </Alert>
        )}
        <p className="auth__help">{t('signIn.help')}</p>
      </div>
    </Page>
  );
}
