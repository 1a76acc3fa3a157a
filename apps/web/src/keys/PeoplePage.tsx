import type { User } from '@coop/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasRole, Page, useErrorMessage, useSearchFilter, useSignedInUser } from '../platform';
import { useStateName, useStateOptions } from '../states';
import { Badge, DataTable, SelectField, type Column } from '../ui';
import { KeyChangeWarning, useVerificationOf } from './KeyChangeWarning';
import { useContacts } from './queries';
import './keys.css';

/** Where a contact's page is, keeping the State chosen here for people who pick one. */
export function contactHref(userId: string, stateCode: string | null): string {
  return stateCode
    ? `/people/${userId}?state=${encodeURIComponent(stateCode)}`
    : `/people/${userId}`;
}

/** Which contacts a user sees: admins everyone, focal points their State, others a chosen State. */
export function useContactScope(): { stateCode: string | null; chooses: boolean } {
  const me = useSignedInUser();
  const [chosen] = useSearchFilter<string>('state');
  if (hasRole(me, 'registry_admin')) return { stateCode: null, chooses: false };
  if (me.user.stateCode) return { stateCode: me.user.stateCode, chooses: false };
  return { stateCode: chosen ?? null, chooses: true };
}

function VerificationBadge({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const verification = useVerificationOf()(userId);
  if (!verification) return <Badge tone="neutral">{t('keys.status.unverified')}</Badge>;
  if (verification.stale) return <Badge tone="warning">{t('keys.status.changed')}</Badge>;
  return <Badge tone="positive">{t('keys.status.verified')}</Badge>;
}

function PeopleTable({
  people,
  isLoading,
  error,
  stateCode,
}: {
  people: readonly User[] | undefined;
  isLoading: boolean;
  error: string | null;
  stateCode: string | null;
}) {
  const { t } = useTranslation();
  const stateName = useStateName();
  const columns: Column<User>[] = [
    {
      key: 'name',
      heading: t('keys.people.columns.name'),
      primary: true,
      cell: (person) => <Link to={contactHref(person.id, stateCode)}>{person.displayName}</Link>,
    },
    {
      key: 'roles',
      heading: t('keys.people.columns.roles'),
      cell: (person) => person.roles.map((role) => t(`roles.${role}`)).join(', '),
    },
    {
      key: 'state',
      heading: t('keys.people.columns.state'),
      cell: (person) => (person.stateCode ? stateName(person.stateCode) : ''),
    },
    {
      key: 'key',
      heading: t('keys.people.columns.key'),
      cell: (person) => <VerificationBadge userId={person.id} />,
    },
  ];
  return (
    <DataTable
      caption={t('keys.people.title')}
      columns={columns}
      rows={people}
      rowKey={(person) => person.id}
      isLoading={isLoading}
      error={error}
      empty={t('keys.people.empty')}
    />
  );
}

/** "People I work with": whose keys I can compare, and whose key changed since I did. */
export function PeoplePage() {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const { stateCode, chooses } = useContactScope();
  const [, setState] = useSearchFilter<string>('state');
  const stateOptions = useStateOptions();
  const contacts = useContacts(stateCode);
  const linkState = chooses ? stateCode : null;
  return (
    <Page title={t('keys.people.title')} lead={t('keys.people.lead')} className="keys keys--wide">
      {chooses && (
        <div className="ui-filters">
          <SelectField
            label={t('keys.people.chooseState')}
            options={stateOptions}
            value={stateCode}
            placeholder={t('keys.people.chooseStatePlaceholder')}
            onChange={(code) => setState(code)}
          />
        </div>
      )}
      {contacts.data?.map((person) => (
        <KeyChangeWarning
          key={person.id}
          userId={person.id}
          name={person.displayName}
          compareHref={contactHref(person.id, linkState)}
        />
      ))}
      <PeopleTable
        people={contacts.data}
        isLoading={contacts.isLoading}
        error={describe(contacts.error)}
        stateCode={linkState}
      />
    </Page>
  );
}
