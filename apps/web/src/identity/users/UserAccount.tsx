import type { IssuedInvitation, Passkey, Session, User } from '@coop/contracts';
import { useTranslation } from 'react-i18next';
import { Section, useMe } from '../../platform';
import { useStateName } from '../../states';
import { Button, Fact, Facts, useDateTimeFormat } from '../../ui';
import { UserStatusBadge } from './StatusBadge';
import type { StatusChange } from './UserDialogs';

const DAY: Intl.DateTimeFormatOptions = { dateStyle: 'long' };

/** Which status changes the API allows from each status. */
const NEXT_STATUSES: Readonly<Record<User['status'], readonly StatusChange[]>> = {
  invited: ['deactivated'],
  active: ['suspended', 'deactivated'],
  suspended: ['active', 'deactivated'],
  // A reactivated person has no passkeys left: they come back through a recovery link.
  deactivated: ['active'],
};

export type UserDialog =
  | { kind: 'status'; status: StatusChange }
  | { kind: 'edit' }
  | { kind: 'recovery' }
  | { kind: 'link'; issued: IssuedInvitation }
  | { kind: 'withdraw' }
  | { kind: 'passkey'; passkey: Passkey }
  | { kind: 'session'; session: Session };

/** The person's account facts, with the buttons that open what an admin may change. */
export function Account({ user, onOpen }: { user: User; onOpen: (dialog: UserDialog) => void }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const stateName = useStateName();
  const day = useDateTimeFormat(DAY);
  const self = me?.user.id === user.id;
  return (
    <Section title={t('users.detail.account')}>
      <div className="card">
        <Facts>
          <Fact label={t('users.columns.email')}>
            <span dir="ltr">{user.email}</span>
          </Fact>
          <Fact label={t('users.columns.roles')}>
            {user.roles.map((r) => t(`roles.${r}`)).join(', ')}
          </Fact>
          {user.stateCode && (
            <Fact label={t('users.columns.state')}>{stateName(user.stateCode)}</Fact>
          )}
          <Fact label={t('users.columns.status')}>
            <UserStatusBadge status={user.status} />
          </Fact>
          <Fact label={t('users.columns.created')}>
            <time dateTime={user.createdAt}>{day.format(new Date(user.createdAt))}</time>
          </Fact>
        </Facts>
        <div className="page__actions">
          {user.status !== 'deactivated' && (
            <Button variant="secondary" onPress={() => onOpen({ kind: 'edit' })}>
              {t('users.edit.open')}
            </Button>
          )}
          {user.status === 'active' && (
            <Button variant="secondary" onPress={() => onOpen({ kind: 'recovery' })}>
              {t('users.recovery.open')}
            </Button>
          )}
          {user.roles.includes('registry_admin') && (
            <Button variant="danger" onPress={() => onOpen({ kind: 'withdraw' })}>
              {t('approvals.withdraw.open')}
            </Button>
          )}
          {!self &&
            NEXT_STATUSES[user.status].map((status) => (
              <Button
                key={status}
                variant={status === 'active' ? 'secondary' : 'danger'}
                onPress={() => onOpen({ kind: 'status', status })}
              >
                {t(`users.statusChange.${status}.open`)}
              </Button>
            ))}
        </div>
      </div>
    </Section>
  );
}
