import type { Invitation, IssuedInvitation } from '@coop/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading, Page, useErrorMessage, useSearchFilter } from '../../platform';
import { useStateName } from '../../states';
import { Alert, Button, ConfirmDialog, DataTable, SelectField, useDateTimeFormat } from '../../ui';
import { InvitationStatusBadge } from '../users/StatusBadge';
import { InviteDialog } from './InviteDialog';
import { LinkDialog } from './LinkDialog';
import { useInvitations, useRevokeInvitation } from './queries';

const STATUSES = ['pending', 'redeemed', 'expired', 'revoked'] as const;
const ALL = 'all';
const WHEN: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

export function InvitationsPage() {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const [status, setStatus] = useSearchFilter('status', STATUSES);
  const invitations = useInvitations(status);
  const revoke = useRevokeInvitation();
  const stateName = useStateName();
  const when = useDateTimeFormat(WHEN);
  const [inviting, setInviting] = useState(false);
  const [issued, setIssued] = useState<IssuedInvitation | null>(null);
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const date = (iso: string) => <time dateTime={iso}>{when.format(new Date(iso))}</time>;

  return (
    <Page
      title={t('invitations.title')}
      lead={t('invitations.lead')}
      actions={<Button onPress={() => setInviting(true)}>{t('invitations.invite')}</Button>}
    >
      <div className="ui-filters" role="group" aria-label={t('invitations.filterLabel')}>
        <SelectField
          label={t('invitations.columns.status')}
          options={[
            { id: ALL, label: t('common.all') },
            ...STATUSES.map((s) => ({ id: s, label: t(`invitations.status.${s}`) })),
          ]}
          value={status ?? ALL}
          onChange={(value) => setStatus(value === ALL ? undefined : value)}
        />
      </div>
      {done && <Alert tone="success">{done}</Alert>}
      {invitations.isPending && <Loading />}
      {invitations.isError && <Alert tone="error">{describe(invitations.error)}</Alert>}
      {invitations.data && (
        <DataTable caption={t('invitations.title')}>
          <thead>
            <tr>
              <th scope="col">{t('users.columns.name')}</th>
              <th scope="col">{t('users.columns.roles')}</th>
              <th scope="col">{t('invitations.columns.purpose')}</th>
              <th scope="col">{t('invitations.columns.status')}</th>
              <th scope="col">{t('invitations.columns.created')}</th>
              <th scope="col">{t('invitations.columns.expires')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {invitations.data.length === 0 && (
              <tr>
                <td colSpan={7} className="ui-table__empty">
                  {t('invitations.empty')}
                </td>
              </tr>
            )}
            {invitations.data.map((invitation) => (
              <tr key={invitation.id}>
                <th scope="row">
                  <Link to={`/admin/users/${invitation.userId}`}>{invitation.displayName}</Link>
                  <br />
                  <span className="ui-table__muted" dir="ltr">
                    {invitation.email}
                  </span>
                </th>
                <td>
                  {invitation.roles.map((r) => t(`roles.${r}`)).join(', ')}
                  {invitation.stateCode && (
                    <>
                      <br />
                      <span className="ui-table__muted">{stateName(invitation.stateCode)}</span>
                    </>
                  )}
                </td>
                <td>{t(`invitations.purpose.${invitation.purpose}`)}</td>
                <td>
                  <InvitationStatusBadge status={invitation.status} />
                </td>
                <td>{date(invitation.createdAt)}</td>
                <td>{date(invitation.expiresAt)}</td>
                <td className="ui-table__actions">
                  {invitation.status === 'pending' && (
                    <Button
                      variant="secondary"
                      size="small"
                      aria-label={t('invitations.revokeOne', { name: invitation.displayName })}
                      onPress={() => {
                        revoke.reset();
                        setDone(null);
                        setRevoking(invitation);
                      }}
                    >
                      {t('invitations.revoke')}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      {inviting && (
        <InviteDialog
          onClose={() => setInviting(false)}
          onIssued={(result) => {
            setInviting(false);
            setIssued(result);
          }}
        />
      )}
      {issued && (
        <LinkDialog
          link={issued.link}
          name={issued.invitation.displayName}
          onClose={() => setIssued(null)}
        />
      )}
      <ConfirmDialog
        title={t('invitations.revokeTitle', { name: revoking?.displayName ?? '' })}
        isOpen={revoking !== null}
        onCancel={() => setRevoking(null)}
        confirmLabel={t('invitations.revoke')}
        cancelLabel={t('common.cancel')}
        isPending={revoke.isPending}
        error={describe(revoke.error)}
        onConfirm={() => {
          if (!revoking) return;
          const { id, displayName } = revoking;
          revoke.mutate(id, {
            onSuccess: () => {
              setRevoking(null);
              setDone(t('invitations.revoked', { name: displayName }));
            },
          });
        }}
      >
        <p>{t('invitations.revokeBody')}</p>
      </ConfirmDialog>
    </Page>
  );
}
