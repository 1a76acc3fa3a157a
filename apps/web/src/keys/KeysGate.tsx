import { isCryptoError } from '@coop/crypto';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page, useErrorMessage, useMe } from '../platform';
import { Alert, Loading } from '../ui';
import { EnrolFlow } from './EnrolFlow';
import { useIdleLock } from './idle-lock';
import { isRecovered, lock, useKeyStatus } from './key-store';
import { KeysProblem } from './operations';
import { useOwnKeys } from './queries';
import { Unlock } from './Unlock';

/**
 * A first sign-in sets the account keys up before any screen shows, and so does a recovery link
 * (unlock with the recovery key, or start over). Otherwise screens show with the keys locked: the
 * parts that need them ask in place (RequireKeys). Unlocked keys, and a passkey's PRF output that
 * could unlock them, are forgotten after the session's idle time without activity.
 */
export function KeysGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  // Not useSignedInUser: a key-store update can render this gate in the same pass as the
  // sign-out that empties `me`, before the guard above it has redirected.
  const { data: me } = useMe();
  const status = useKeyStatus();
  const own = useOwnKeys();
  const mine = !!me && status?.userId === me.user.id;
  useIdleLock(me?.session.idleTimeoutSeconds ?? 0, !!me);
  useEffect(() => {
    // Keys of someone who signed out in this tab without the app noticing: never show them.
    if (status && !mine) lock();
  }, [status, mine]);

  if (!me) return null;
  if (mine || (own.data?.checked && !isRecovered(me.user.id))) return children;
  if (own.isPending) return <Loading />;
  if (own.isError) {
    return (
      <Page title={t('keys.unlock.title')}>
        <Alert tone="error">
          {isCryptoError(own.error) || own.error instanceof KeysProblem
            ? t('keys.errors.ownRecordInvalid')
            : describe(own.error)}
        </Alert>
      </Page>
    );
  }
  if (!own.data.checked) return <EnrolFlow mode="first" generation={1} />;
  return <Unlock own={own.data.checked} />;
}
