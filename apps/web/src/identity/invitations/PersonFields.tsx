import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useStateOptions } from '../../states';
import { CheckboxGroup, NumberField, SelectField, TextField } from '../../ui';

/** The roles the console gives directly; registry_admin goes through a two-person approval. */
export type GrantableRole = 'facilitator' | 'focal_point';
export const GRANTABLE_ROLES: readonly GrantableRole[] = ['facilitator', 'focal_point'];
export const DEFAULT_HOURS = 72;

/** The form's own checks of roles and State: a focal point speaks for one State. */
export function accessProblems(
  t: TFunction,
  roles: readonly GrantableRole[],
  stateCode: string | null,
  { rolesRequired }: { rolesRequired: boolean },
): Record<string, string> {
  const problems: Record<string, string> = {};
  if (roles.length === 0 && rolesRequired) problems.roles = t('invitations.form.rolesRequired');
  if (roles.includes('focal_point') && !stateCode) {
    problems.stateCode = t('invitations.form.stateRequired');
  }
  return problems;
}

/** The name the person is known by on every screen. */
export function NameField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (name: string) => void;
}) {
  return (
    <TextField
      name="displayName"
      label={label}
      value={value}
      onChange={onChange}
      maxLength={120}
      isRequired
      autoFocus
    />
  );
}

export function RolesField({
  label,
  description,
  value,
  onChange,
  isRequired,
}: {
  label: string;
  description: string;
  value: GrantableRole[];
  onChange: (roles: GrantableRole[]) => void;
  isRequired?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <CheckboxGroup
      name="roles"
      label={label}
      description={description}
      options={GRANTABLE_ROLES.map((role) => ({ id: role, label: t(`roles.${role}`) }))}
      value={value}
      onChange={onChange}
      isRequired={isRequired}
    />
  );
}

/** The State a focal point speaks for. */
export function StateField({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (code: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <SelectField
      name="stateCode"
      label={t('invitations.form.state')}
      placeholder={t('invitations.form.statePlaceholder')}
      options={useStateOptions()}
      value={value}
      onChange={onChange}
      isRequired
    />
  );
}

/** How long an invitation or recovery link stays valid. */
export function ExpiryField({
  value,
  onChange,
}: {
  value: number;
  onChange: (hours: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <NumberField
      name="expiresInHours"
      label={t('invitations.form.expires')}
      description={t('invitations.form.expiresHelp')}
      value={value}
      onChange={onChange}
      minValue={1}
      maxValue={720}
      step={1}
      isRequired
    />
  );
}
