import type { Approval, Role } from '@coop/contracts';
import { useTranslation } from 'react-i18next';

/** What the second admin is asked to approve, in words. */
export function useChangeText(): (approval: Approval) => string {
  const { t } = useTranslation();
  const role = (r: Role) => t(`roles.${r}`);
  return ({ kind, change }) => {
    switch (kind) {
      case 'user.update':
        return t('approvals.change.update', {
          roles: (change.roles ?? []).map(role).join(', '),
          state: change.stateCode ?? '—',
        });
      case 'user.status':
        return t(`approvals.change.status.${change.status ?? 'suspended'}`, {
          reason: change.reason ?? '',
        });
      default:
        return t(`approvals.kind.${kind}`);
    }
  };
}
