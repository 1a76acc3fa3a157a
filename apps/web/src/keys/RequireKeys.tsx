import { isCryptoError } from '@coop/crypto';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage, useSignedInUser } from '../platform';
import { Alert, Loading } from '../ui';
import { useKeyStatus } from './key-store';
import { KeysProblem } from './operations';
import { useOwnKeys } from './queries';
import { Unlock } from './Unlock';

/**
 * The part of a screen that needs the private keys: shown once they are unlocked, and until then
 * the unlock prompt in its place (silent when the passkey just used can unlock them). With
 * `onCancel`, the prompt was opened by a button: it takes the focus and can be dismissed.
 */
export function RequireKeys({
  children,
  onCancel,
}: {
  children: ReactNode;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const me = useSignedInUser();
  const status = useKeyStatus();
  const own = useOwnKeys();
  if (status?.userId === me.user.id) return children;
  if (own.isPending) return <Loading />;
  if (own.isError) {
    return (
      <Alert tone="error">
        {isCryptoError(own.error) || own.error instanceof KeysProblem
          ? t('keys.errors.ownRecordInvalid')
          : describe(own.error)}
      </Alert>
    );
  }
  // The gate above sets the keys up before any screen shows, so a record is there.
  if (!own.data.checked) return null;
  return <Unlock own={own.data.checked} inPlace onCancel={onCancel} />;
}
