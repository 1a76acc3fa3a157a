import { ROLES, USER_STATUSES, type IssuedInvitation } from '@coop/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { KeyChangeWarning } from '../../keys';
import { Loading, Page, useErrorMessage, useSearchFilter } from '../../platform';
import { useStateName, useStateOptions } from '../../states';
import { Alert, Button, DataTable, SelectField, useDateTimeFormat } from '../../ui';
import { InviteDialog } from '../invitations/InviteDialog';
import { LinkDialog } from '../invitations/LinkDialog';
import { useUsers } from './queries';
import { UserStatusBadge } from './StatusBadge';

const ALL = 'all';
const DAY: Intl.DateTimeFormatOptions = { dateStyle: 'medium' };

function Filters() {
  const { t } = useTranslation();
  const [status, setStatus] = useSearchFilter('status', USER_STATUSES);
  const [role, setRole] = useSearchFilter('role', ROLES);
  const [state, setState] = useSearchFilter<string>('state');
  const stateOptions = useStateOptions();
  return (
    <div className="ui-filters" role="group" aria-label={t('users.filters.label')}>
      <SelectField
        label={t('users.filters.status')}
        options={[
          { id: ALL, label: t('common.all') },
          ...USER_STATUSES.map((s) => ({ id: s, label: t(`users.status.${s}`) })),
        ]}
        value={status ?? ALL}
        onChange={(value) => setStatus(value === ALL ? undefined : value)}
      />
      <SelectField
        label={t('users.filters.role')}
        options={[
          { id: ALL, label: t('common.all') },
          ...ROLES.map((r) => ({ id: r, label: t(`roles.${r}`) })),
        ]}
        value={role ?? ALL}
        onChange={(value) => setRole(value === ALL ? undefined : value)}
      />
      <SelectField
        label={t('users.filters.state')}
        options={[{ id: ALL, label: t('common.all') }, ...stateOptions]}
        value={state ?? ALL}
        onChange={(value) => setState(value === ALL ? undefined : value)}
      />
    </div>
  );
}

export function UsersPage() {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const [status] = useSearchFilter('status', USER_STATUSES);
  const [role] = useSearchFilter('role', ROLES);
  const [stateCode] = useSearchFilter<string>('state');
  const users = useUsers({ status, role, stateCode });
  const stateName = useStateName();
  const day = useDateTimeFormat(DAY);
  const [inviting, setInviting] = useState(false);
  const [issued, setIssued] = useState<IssuedInvitation | null>(null);

  return (
    <Page
      title={t('users.title')}
      lead={t('users.lead')}
      actions={<Button onPress={() => setInviting(true)}>{t('invitations.invite')}</Button>}
    >
      <Filters />
      {users.data?.map((user) => (
        <KeyChangeWarning
          key={user.id}
          userId={user.id}
          name={user.displayName}
          compareHref={`/people/${user.id}`}
        />
      ))}
      {users.isPending && <Loading />}
      {users.isError && <Alert tone="error">{describe(users.error)}</Alert>}
      {users.data && (
        <DataTable caption={t('users.title')}>
          <thead>
            <tr>
              <th scope="col">{t('users.columns.name')}</th>
              <th scope="col">{t('users.columns.email')}</th>
              <th scope="col">{t('users.columns.roles')}</th>
              <th scope="col">{t('users.columns.state')}</th>
              <th scope="col">{t('users.columns.status')}</th>
              <th scope="col">{t('users.columns.created')}</th>
            </tr>
          </thead>
          <tbody>
            {users.data.length === 0 && (
              <tr>
                <td colSpan={6} className="ui-table__empty">
                  {t('users.empty')}
                </td>
              </tr>
            )}
            {users.data.map((user) => (
              <tr key={user.id}>
                <th scope="row">
                  <Link to={`/admin/users/${user.id}`}>{user.displayName}</Link>
                </th>
                <td>
                  <span dir="ltr">{user.email}</span>
                </td>
                <td>{user.roles.map((r) => t(`roles.${r}`)).join(', ')}</td>
                <td>{user.stateCode ? stateName(user.stateCode) : ''}</td>
                <td>
                  <UserStatusBadge status={user.status} />
                </td>
                <td className="nowrap">
                  <time dateTime={user.createdAt}>{day.format(new Date(user.createdAt))}</time>
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
    </Page>
  );
}
