import type { Approval, ChangeStatus, IssuedInvitation, User } from '@coop/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutationFeedback } from '../../platform';
import { FormDialog, TextField } from '../../ui';
import {
  accessProblems,
  DEFAULT_HOURS,
  ExpiryField,
  NameField,
  GRANTABLE_ROLES,
  RolesField,
  StateField,
  type GrantableRole,
} from '../invitations/PersonFields';
import { useChangeStatus, useRecoveryInvitation, useUpdateUser } from './queries';

export type StatusChange = ChangeStatus['status'];

/** Suspends, reactivates or deactivates an account; the reason goes to the audit log. */
export function StatusDialog({
  user,
  status,
  onClose,
  onDone,
}: {
  user: User;
  status: StatusChange;
  onClose: () => void;
  onDone: (outcome: User | Approval) => void;
}) {
  const { t } = useTranslation();
  const change = useChangeStatus(user.id);
  const [reason, setReason] = useState('');
  const feedback = useMutationFeedback(change);
  const submit = () => {
    if (reason.trim()) change.mutate({ status, reason: reason.trim() }, { onSuccess: onDone });
  };
  return (
    <FormDialog
      title={t(`users.statusChange.${status}.title`, { name: user.displayName })}
      role="alertdialog"
      onSubmit={submit}
      onClose={onClose}
      submitLabel={t(`users.statusChange.${status}.confirm`)}
      tone={status === 'active' ? 'primary' : 'danger'}
      {...feedback}
    >
      <p>{t(`users.statusChange.${status}.body`)}</p>
      <TextField
        name="reason"
        label={t('users.statusChange.reason')}
        description={t('users.statusChange.reasonHelp')}
        value={reason}
        onChange={setReason}
        maxLength={500}
        isRequired
        autoFocus
        validate={(value) => (value.trim() ? null : t('common.required'))}
      />
    </FormDialog>
  );
}

/** Changes a person's name, roles and State. Registry admin is managed under Admin grants. */
export function EditUserDialog({
  user,
  onClose,
  onDone,
}: {
  user: User;
  onClose: () => void;
  onDone: (outcome: User | Approval) => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateUser(user.id);
  const isAdmin = user.roles.includes('registry_admin');
  const [displayName, setDisplayName] = useState(user.displayName);
  const [roles, setRoles] = useState<GrantableRole[]>(
    GRANTABLE_ROLES.filter((role) => user.roles.includes(role)),
  );
  const [stateCode, setStateCode] = useState<string | null>(user.stateCode);
  const [checked, setChecked] = useState<Record<string, string>>({});
  const focal = roles.includes('focal_point');
  const feedback = useMutationFeedback(update, checked);

  const submit = () => {
    const missing = accessProblems(t, roles, stateCode, { rolesRequired: !isAdmin });
    if (!displayName.trim()) missing.displayName = t('common.required');
    setChecked(missing);
    if (Object.keys(missing).length > 0) return;
    const before = GRANTABLE_ROLES.filter((role) => user.roles.includes(role));
    const rolesChanged = before.join() !== roles.join();
    const nextState = focal ? stateCode : null;
    update.mutate(
      {
        ...(displayName.trim() !== user.displayName ? { displayName: displayName.trim() } : {}),
        ...(rolesChanged && roles.length > 0 ? { roles } : {}),
        ...(nextState !== user.stateCode ? { stateCode: nextState } : {}),
      },
      { onSuccess: onDone },
    );
  };
  return (
    <FormDialog
      title={t('users.edit.title', { name: user.displayName })}
      size="large"
      onSubmit={submit}
      onClose={onClose}
      submitLabel={t('common.save')}
      {...feedback}
    >
      <NameField label={t('users.edit.name')} value={displayName} onChange={setDisplayName} />
      <RolesField
        label={t('users.edit.roles')}
        description={isAdmin ? t('users.edit.adminNote') : t('invitations.form.rolesHelp')}
        value={roles}
        onChange={setRoles}
      />
      {focal && <StateField value={stateCode} onChange={setStateCode} />}
    </FormDialog>
  );
}

/** Issues a recovery link: redeeming it retires the person's passkeys and sessions. */
export function RecoveryDialog({
  user,
  onClose,
  onIssued,
}: {
  user: User;
  onClose: () => void;
  onIssued: (outcome: IssuedInvitation | Approval) => void;
}) {
  const { t } = useTranslation();
  const recover = useRecoveryInvitation(user.id);
  const [hours, setHours] = useState(DEFAULT_HOURS);
  const feedback = useMutationFeedback(recover);
  const submit = () => {
    recover.mutate(Number.isFinite(hours) ? hours : DEFAULT_HOURS, { onSuccess: onIssued });
  };
  return (
    <FormDialog
      title={t('users.recovery.title', { name: user.displayName })}
      onSubmit={submit}
      onClose={onClose}
      submitLabel={t('users.recovery.submit')}
      {...feedback}
    >
      <p>{t('users.recovery.body')}</p>
      <ExpiryField value={hours} onChange={setHours} />
    </FormDialog>
  );
}
