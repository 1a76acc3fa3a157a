import type { Me, Role } from '@coop/contracts';
import { useTranslation } from 'react-i18next';
import { useStateName } from '../states';

/** "Focal point · Senegal", for headers and lists. */
export function useRoleSummary(): (user: Me['user']) => string {
  const { t } = useTranslation();
  const stateName = useStateName();
  return (user) =>
    [
      user.roles.map((role: Role) => t(`roles.${role}`)).join(', '),
      user.stateCode ? stateName(user.stateCode) : '',
    ]
      .filter(Boolean)
      .join(' · ');
}
