import type { InvitationStatus, UserStatus } from '@coop/contracts';
import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '../../ui';

const USER_TONES: Readonly<Record<UserStatus, BadgeTone>> = {
  invited: 'neutral',
  active: 'positive',
  suspended: 'warning',
  deactivated: 'negative',
};

export function UserStatusBadge({ status }: { status: UserStatus }) {
  const { t } = useTranslation();
  return <Badge tone={USER_TONES[status]}>{t(`users.status.${status}`)}</Badge>;
}

const INVITATION_TONES: Readonly<Record<InvitationStatus, BadgeTone>> = {
  pending: 'neutral',
  redeemed: 'positive',
  expired: 'warning',
  revoked: 'negative',
};

export function InvitationStatusBadge({ status }: { status: InvitationStatus }) {
  const { t } = useTranslation();
  return <Badge tone={INVITATION_TONES[status]}>{t(`invitations.status.${status}`)}</Badge>;
}
