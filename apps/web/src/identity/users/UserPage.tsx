import type { User } from '@coop/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { AttestKeySection } from '../../keys';
import { Page, Section, useErrorMessage } from '../../platform';
import { Alert, ConfirmDialog, Loading } from '../../ui';
import { isApproval, useRequestAdminWithdrawal } from '../approvals/queries';
import { LinkDialog } from '../invitations/LinkDialog';
import { PasskeyTable } from '../passkeys/PasskeyTable';
import { SessionTable } from '../sessions/SessionTable';
import {
  useRevokeUserPasskey,
  useRevokeUserSession,
  useUser,
  useUserPasskeys,
  useUserSessions,
} from './queries';
import { Account, type UserDialog } from './UserAccount';
import { EditUserDialog, RecoveryDialog, StatusDialog } from './UserDialogs';

function UserDetail({ user }: { user: User }) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const passkeys = useUserPasskeys(user.id);
  const sessions = useUserSessions(user.id);
  const revokePasskey = useRevokeUserPasskey(user.id);
  const revokeSession = useRevokeUserSession(user.id);
  const withdraw = useRequestAdminWithdrawal();
  const [dialog, setDialog] = useState<UserDialog | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const close = () => setDialog(null);
  /** Closes the dialog and says what was done. */
  const closeSaying = (text: string) => {
    close();
    setDone(text);
  };
  const open = (next: UserDialog) => {
    setDone(null);
    revokePasskey.reset();
    revokeSession.reset();
    withdraw.reset();
    setDialog(next);
  };

  return (
    <Page title={user.displayName} lead={<Link to="/admin/users">{t('users.detail.back')}</Link>}>
      {done && <Alert tone="success">{done}</Alert>}
      <Account user={user} onOpen={open} />
      {user.status === 'active' && <AttestKeySection user={user} />}
      <Section title={t('passkeys.title')} description={t('users.detail.passkeysHelp')}>
        <PasskeyTable
          caption={t('passkeys.title')}
          passkeys={passkeys}
          onRevoke={(passkey) => open({ kind: 'passkey', passkey })}
        />
      </Section>
      <Section title={t('users.detail.sessions')}>
        <SessionTable
          caption={t('users.detail.sessions')}
          sessions={sessions}
          onRevoke={(session) => open({ kind: 'session', session })}
        />
      </Section>

      {dialog?.kind === 'status' && (
        <StatusDialog
          user={user}
          status={dialog.status}
          onClose={close}
          onDone={(outcome) =>
            closeSaying(
              isApproval(outcome)
                ? t('approvals.sent')
                : t(`users.statusChange.${dialog.status}.done`, { name: outcome.displayName }),
            )
          }
        />
      )}
      {dialog?.kind === 'edit' && (
        <EditUserDialog
          user={user}
          onClose={close}
          onDone={(outcome) =>
            closeSaying(
              isApproval(outcome)
                ? t('approvals.sent')
                : t('users.edit.done', { name: outcome.displayName }),
            )
          }
        />
      )}
      {dialog?.kind === 'recovery' && (
        <RecoveryDialog
          user={user}
          onClose={close}
          onIssued={(outcome) => {
            if (!isApproval(outcome)) return setDialog({ kind: 'link', issued: outcome });
            closeSaying(t('approvals.sentRecovery'));
          }}
        />
      )}
      {dialog?.kind === 'link' && (
        <LinkDialog link={dialog.issued.link} name={user.displayName} onClose={close} />
      )}
      <ConfirmDialog
        title={t('passkeys.revokeTitle', {
          name: dialog?.kind === 'passkey' ? dialog.passkey.name : '',
        })}
        isOpen={dialog?.kind === 'passkey'}
        onCancel={close}
        confirmLabel={t('passkeys.revoke')}
        isPending={revokePasskey.isPending}
        error={describe(revokePasskey.error)}
        onConfirm={() => {
          if (dialog?.kind !== 'passkey') return;
          const { id, name } = dialog.passkey;
          revokePasskey.mutate(id, {
            onSuccess: () => closeSaying(t('passkeys.revoked', { name })),
          });
        }}
      >
        <p>{t('users.detail.revokePasskeyBody', { name: user.displayName })}</p>
      </ConfirmDialog>
      <ConfirmDialog
        title={t('approvals.withdraw.title', { name: user.displayName })}
        isOpen={dialog?.kind === 'withdraw'}
        onCancel={close}
        confirmLabel={t('approvals.withdraw.confirm')}
        tone="danger"
        isPending={withdraw.isPending}
        error={describe(withdraw.error)}
        onConfirm={() =>
          withdraw.mutate(user.id, { onSuccess: () => closeSaying(t('approvals.sent')) })
        }
      >
        <p>{t('approvals.withdraw.body')}</p>
      </ConfirmDialog>
      <ConfirmDialog
        title={t('sessions.revokeTitle')}
        isOpen={dialog?.kind === 'session'}
        onCancel={close}
        confirmLabel={t('sessions.revoke')}
        isPending={revokeSession.isPending}
        error={describe(revokeSession.error)}
        onConfirm={() => {
          if (dialog?.kind !== 'session') return;
          revokeSession.mutate(dialog.session.id, {
            onSuccess: () => closeSaying(t('sessions.revokedOne')),
          });
        }}
      >
        <p>{t('sessions.revokeBody')}</p>
      </ConfirmDialog>
    </Page>
  );
}

export function UserPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const user = useUser(id);
  if (user.isPending) return <Loading />;
  if (user.isError) {
    return (
      <Page title={t('users.detail.unknown')}>
        <Alert tone="error">{describe(user.error)}</Alert>
      </Page>
    );
  }
  return <UserDetail user={user.data} />;
}
