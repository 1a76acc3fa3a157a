import { ROLES, USER_STATUSES, type User } from '@coop/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { KeyChangeWarning } from '../../keys';
import { Page, useErrorMessage, useSearchFilter } from '../../platform';
import { useStateName, useStateOptions } from '../../states';
import { Alert, DataTable, SelectField, useDateTimeFormat, type Column } from '../../ui';
import { InviteAction } from '../invitations/InviteAction';
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
  const columns: Column<User>[] = [
    {
      key: 'name',
      heading: t('users.columns.name'),
      primary: true,
      cell: (user) => <Link to={`/admin/users/${user.id}`}>{user.displayName}</Link>,
    },
    {
      key: 'email',
      heading: t('users.columns.email'),
      cell: (user) => <span dir="ltr">{user.email}</span>,
    },
    {
      key: 'roles',
      heading: t('users.columns.roles'),
      cell: (user) => user.roles.map((r) => t(`roles.${r}`)).join(', '),
    },
    {
      key: 'state',
      heading: t('users.columns.state'),
      cell: (user) => (user.stateCode ? stateName(user.stateCode) : ''),
    },
    {
      key: 'status',
      heading: t('users.columns.status'),
      cell: (user) => <UserStatusBadge status={user.status} />,
    },
    {
      key: 'created',
      heading: t('users.columns.created'),
      cellProps: { className: 'nowrap' },
      cell: (user) => <time dateTime={user.createdAt}>{day.format(new Date(user.createdAt))}</time>,
    },
  ];

  return (
    <Page title={t('users.title')} lead={t('users.lead')} actions={<InviteAction />}>
      <Filters />
      {users.data?.map((user) => (
        <KeyChangeWarning
          key={user.id}
          userId={user.id}
          name={user.displayName}
          compareHref={`/people/${user.id}`}
        />
      ))}
      {users.isError && <Alert tone="error">{describe(users.error)}</Alert>}
      <DataTable
        caption={t('users.title')}
        columns={columns}
        rows={users.data}
        rowKey={(user) => user.id}
        isLoading={users.isPending}
        empty={t('users.empty')}
      />
    </Page>
  );
}
