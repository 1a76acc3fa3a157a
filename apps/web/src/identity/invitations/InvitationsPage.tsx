import type { Invitation } from '@coop/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FilterSelect, Page, useErrorMessage, useSearchFilter } from '../../platform';
import { useStateName } from '../../states';
import {
  Alert,
  Button,
  ConfirmDialog,
  DataTable,
  timeColumn,
  useDateTimeFormat,
  type Column,
} from '../../ui';
import { InvitationStatusBadge } from '../users/StatusBadge';
import { InviteAction } from './InviteAction';
import { useInvitations, useRevokeInvitation } from './queries';

const STATUSES = ['pending', 'redeemed', 'expired', 'revoked'] as const;
const WHEN: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

export function InvitationsPage() {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const [status] = useSearchFilter('status', STATUSES);
  const invitations = useInvitations(status);
  const revoke = useRevokeInvitation();
  const stateName = useStateName();
  const when = useDateTimeFormat(WHEN);
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const columns: Column<Invitation>[] = [
    {
      key: 'name',
      heading: t('users.columns.name'),
      primary: true,
      cell: (invitation) => (
        <>
          <Link to={`/admin/users/${invitation.userId}`}>{invitation.displayName}</Link>
          <br />
          <span className="ui-table__muted" dir="ltr">
            {invitation.email}
          </span>
        </>
      ),
    },
    {
      key: 'roles',
      heading: t('users.columns.roles'),
      cell: (invitation) => (
        <>
          {invitation.roles.map((r) => t(`roles.${r}`)).join(', ')}
          {invitation.stateCode && (
            <>
              <br />
              <span className="ui-table__muted">{stateName(invitation.stateCode)}</span>
            </>
          )}
        </>
      ),
    },
    {
      key: 'purpose',
      heading: t('invitations.columns.purpose'),
      cell: (invitation) => t(`invitations.purpose.${invitation.purpose}`),
    },
    {
      key: 'status',
      heading: t('invitations.columns.status'),
      cell: (invitation) => <InvitationStatusBadge status={invitation.status} />,
    },
    timeColumn('created', t('invitations.columns.created'), (i) => i.createdAt, when),
    timeColumn('expires', t('invitations.columns.expires'), (i) => i.expiresAt, when),
  ];

  return (
    <Page title={t('invitations.title')} lead={t('invitations.lead')} actions={<InviteAction />}>
      <div className="ui-filters" role="group" aria-label={t('invitations.filterLabel')}>
        <FilterSelect
          name="status"
          label={t('invitations.columns.status')}
          options={STATUSES.map((s) => ({ id: s, label: t(`invitations.status.${s}`) }))}
          allowed={STATUSES}
        />
      </div>
      {done && <Alert tone="success">{done}</Alert>}
      <DataTable
        caption={t('invitations.title')}
        columns={columns}
        rows={invitations.data}
        rowKey={(invitation) => invitation.id}
        isLoading={invitations.isPending}
        error={describe(invitations.error)}
        empty={t('invitations.empty')}
        actions={(invitation) =>
          invitation.status === 'pending' && (
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
          )
        }
      />
      <ConfirmDialog
        title={t('invitations.revokeTitle', { name: revoking?.displayName ?? '' })}
        isOpen={revoking !== null}
        onCancel={() => setRevoking(null)}
        confirmLabel={t('invitations.revoke')}
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
