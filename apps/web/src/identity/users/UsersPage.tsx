import { ROLES, USER_STATUSES, type User } from '@coop/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { KeyChangeWarning } from '../../keys';
import { FilterSelect, Page, useErrorMessage, useSearchFilter } from '../../platform';
import { useStateName, useStateOptions } from '../../states';
import { DataTable, timeColumn, useDateTimeFormat, type Column } from '../../ui';
import { InviteAction } from '../invitations/InviteAction';
import { useUsers } from './queries';
import { UserStatusBadge } from './StatusBadge';

const DAY: Intl.DateTimeFormatOptions = { dateStyle: 'medium' };

function Filters() {
  const { t } = useTranslation();
  return (
    <div className="ui-filters" role="group" aria-label={t('users.filters.label')}>
      <FilterSelect
        name="status"
        label={t('users.filters.status')}
        options={USER_STATUSES.map((s) => ({ id: s, label: t(`users.status.${s}`) }))}
        allowed={USER_STATUSES}
      />
      <FilterSelect
        name="role"
        label={t('users.filters.role')}
        options={ROLES.map((r) => ({ id: r, label: t(`roles.${r}`) }))}
        allowed={ROLES}
      />
      <FilterSelect name="state" label={t('users.filters.state')} options={useStateOptions()} />
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
      ...timeColumn('created', t('users.columns.created'), (user) => user.createdAt, day),
      cellProps: { className: 'nowrap' },
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
      <DataTable
        caption={t('users.title')}
        columns={columns}
        rows={users.data}
        rowKey={(user) => user.id}
        isLoading={users.isPending}
        error={describe(users.error)}
        empty={t('users.empty')}
      />
    </Page>
  );
}
