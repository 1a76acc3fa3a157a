import type { Passkey, Session } from '@coop/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, Page, Section, useErrorMessage, useSignedInUser } from '../../platform';
import { MyKeysSection } from '../../keys';
import { useStateName } from '../../states';
import { Alert, Button, ConfirmDialog, Fact, Facts, useDateTimeFormat } from '../../ui';
import { PasskeyTable } from '../passkeys/PasskeyTable';
import { SessionTable } from '../sessions/SessionTable';
import { NameDialog } from './NameDialog';
import {
  useAddPasskey,
  useMyPasskeys,
  useMySessions,
  useRenamePasskey,
  useRevokePasskey,
  useRevokeSessions,
} from './queries';

const WHEN: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

function Profile() {
  const { t } = useTranslation();
  const { user, session } = useSignedInUser();
  const stateName = useStateName();
  const when = useDateTimeFormat(WHEN);
  return (
    <Section title={t('account.profile.title')} description={t('account.profile.description')}>
      <div className="card">
        <Facts>
          <Fact label={t('account.profile.name')}>{user.displayName}</Fact>
          <Fact label={t('account.profile.email')}>
            <span dir="ltr">{user.email}</span>
          </Fact>
          <Fact label={t('account.profile.roles')}>
            {user.roles.map((role) => t(`roles.${role}`)).join(', ')}
          </Fact>
          {user.stateCode && (
            <Fact label={t('account.profile.state')}>{stateName(user.stateCode)}</Fact>
          )}
          <Fact label={t('account.profile.sessionEnds')}>
            <time dateTime={session.expiresAt}>{when.format(new Date(session.expiresAt))}</time>
          </Fact>
        </Facts>
      </div>
    </Section>
  );
}

function Passkeys() {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const passkeys = useMyPasskeys();
  const add = useAddPasskey();
  const rename = useRenamePasskey();
  const revoke = useRevokePasskey();
  const [adding, setAdding] = useState(false);
  const [renaming, setRenaming] = useState<Passkey | null>(null);
  const [revoking, setRevoking] = useState<Passkey | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const nameError = (error: unknown) => {
    const fields = fieldErrors(error, t);
    return fields.name ?? fields.passkeyName;
  };

  return (
    <Section
      title={t('passkeys.title')}
      description={t('passkeys.description')}
      actions={
        <Button
          variant="secondary"
          onPress={() => {
            add.reset();
            setDone(null);
            setAdding(true);
          }}
        >
          {t('passkeys.add')}
        </Button>
      }
    >
      {passkeys.data?.some((p) => p.flagged) && (
        <Alert tone="warning">{t('passkeys.flaggedWarning')}</Alert>
      )}
      {done && <Alert tone="success">{done}</Alert>}
      <PasskeyTable
        caption={t('passkeys.title')}
        passkeys={passkeys}
        onRename={(passkey) => {
          rename.reset();
          setDone(null);
          setRenaming(passkey);
        }}
        onRevoke={(passkey) => {
          revoke.reset();
          setDone(null);
          setRevoking(passkey);
        }}
      />
      {adding && (
        <NameDialog
          title={t('passkeys.addTitle')}
          intro={t('passkeys.addIntro')}
          initialName={t('passkeys.defaultNewName')}
          submitLabel={t('passkeys.addSubmit')}
          isPending={add.isPending}
          error={describe(add.error)}
          fieldError={nameError(add.error)}
          onClose={() => setAdding(false)}
          onSubmit={(name) =>
            add.mutate(name, {
              onSuccess: (passkey) => {
                setAdding(false);
                setDone(t('passkeys.added', { name: passkey.name }));
              },
            })
          }
        />
      )}
      {renaming && (
        <NameDialog
          title={t('passkeys.renameTitle')}
          initialName={renaming.name}
          submitLabel={t('common.save')}
          isPending={rename.isPending}
          error={describe(rename.error)}
          fieldError={nameError(rename.error)}
          onClose={() => setRenaming(null)}
          onSubmit={(name) =>
            rename.mutate(
              { id: renaming.id, name },
              {
                onSuccess: (passkey) => {
                  setRenaming(null);
                  setDone(t('passkeys.renamed', { name: passkey.name }));
                },
              },
            )
          }
        />
      )}
      <ConfirmDialog
        title={t('passkeys.revokeTitle', { name: revoking?.name ?? '' })}
        isOpen={revoking !== null}
        onCancel={() => setRevoking(null)}
        confirmLabel={t('passkeys.revoke')}
        isPending={revoke.isPending}
        error={describe(revoke.error)}
        onConfirm={() => {
          if (!revoking) return;
          const { name } = revoking;
          revoke.mutate(revoking.id, {
            onSuccess: () => {
              setRevoking(null);
              setDone(t('passkeys.revoked', { name }));
            },
          });
        }}
      >
        <p>{t('passkeys.revokeBody')}</p>
      </ConfirmDialog>
    </Section>
  );
}

function Sessions() {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const sessions = useMySessions();
  const revoke = useRevokeSessions();
  const [revoking, setRevoking] = useState<readonly Session[] | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const others = sessions.data?.filter((s) => !s.current) ?? [];

  return (
    <Section
      title={t('sessions.title')}
      description={t('sessions.description')}
      actions={
        others.length > 0 && (
          <Button
            variant="secondary"
            onPress={() => {
              revoke.reset();
              setDone(null);
              setRevoking(others);
            }}
          >
            {t('sessions.revokeOthers')}
          </Button>
        )
      }
    >
      {done && <Alert tone="success">{done}</Alert>}
      <SessionTable
        caption={t('sessions.title')}
        sessions={sessions}
        onRevoke={(session) => {
          revoke.reset();
          setDone(null);
          setRevoking([session]);
        }}
      />
      <ConfirmDialog
        title={
          revoking && revoking.length > 1
            ? t('sessions.revokeOthersTitle')
            : t('sessions.revokeTitle')
        }
        isOpen={revoking !== null}
        onCancel={() => setRevoking(null)}
        confirmLabel={t('sessions.revoke')}
        isPending={revoke.isPending}
        error={describe(revoke.error)}
        onConfirm={() => {
          if (!revoking) return;
          revoke.mutate(
            revoking.map((s) => s.id),
            {
              onSuccess: () => {
                setDone(
                  revoking.length > 1 ? t('sessions.revokedOthers') : t('sessions.revokedOne'),
                );
                setRevoking(null);
              },
            },
          );
        }}
      >
        <p>{t('sessions.revokeBody')}</p>
      </ConfirmDialog>
    </Section>
  );
}

export function AccountPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('account.title')}>
      <Profile />
      <MyKeysSection />
      <Passkeys />
      <Sessions />
    </Page>
  );
}
