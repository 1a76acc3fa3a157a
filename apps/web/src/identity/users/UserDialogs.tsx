import type { Approval, ChangeStatus, IssuedInvitation, User } from '@coop/contracts';
import { useMemo, useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { fieldErrors, useErrorMessage } from '../../platform';
import { useStateOptions } from '../../states';
import {
  Alert,
  Button,
  CheckboxGroup,
  ModalDialog,
  NumberField,
  SelectField,
  TextField,
} from '../../ui';
import { useChangeStatus, useRecoveryInvitation, useUpdateUser } from './queries';

export type StatusChange = ChangeStatus['status'];
type EditableRole = 'facilitator' | 'focal_point';
const EDITABLE_ROLES: readonly EditableRole[] = ['facilitator', 'focal_point'];

function Actions({
  isPending,
  submitLabel,
  onCancel,
  tone = 'primary',
}: {
  isPending: boolean;
  submitLabel: string;
  onCancel: () => void;
  tone?: 'primary' | 'danger';
}) {
  const { t } = useTranslation();
  return (
    <div className="ui-dialog__actions">
      <Button variant="secondary" isDisabled={isPending} onPress={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" variant={tone} isPending={isPending}>
        {submitLabel}
      </Button>
    </div>
  );
}

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
  const describe = useErrorMessage();
  const change = useChangeStatus(user.id);
  const [reason, setReason] = useState('');
  const errors = useMemo(() => fieldErrors(change.error, t), [change.error, t]);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (reason.trim()) change.mutate({ status, reason: reason.trim() }, { onSuccess: onDone });
  };
  const error = describe(change.error);
  return (
    <ModalDialog
      title={t(`users.statusChange.${status}.title`, { name: user.displayName })}
      role="alertdialog"
      isOpen
      isDismissable={!change.isPending}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <Form
        className="ui-form"
        validationBehavior="aria"
        validationErrors={errors}
        onSubmit={submit}
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
        {error && <Alert tone="error">{error}</Alert>}
        <Actions
          isPending={change.isPending}
          submitLabel={t(`users.statusChange.${status}.confirm`)}
          tone={status === 'active' ? 'primary' : 'danger'}
          onCancel={onClose}
        />
      </Form>
    </ModalDialog>
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
  const describe = useErrorMessage();
  const update = useUpdateUser(user.id);
  const stateOptions = useStateOptions();
  const isAdmin = user.roles.includes('registry_admin');
  const [displayName, setDisplayName] = useState(user.displayName);
  const [roles, setRoles] = useState<EditableRole[]>(
    EDITABLE_ROLES.filter((role) => user.roles.includes(role)),
  );
  const [stateCode, setStateCode] = useState<string | null>(user.stateCode);
  const [checked, setChecked] = useState<Record<string, string>>({});
  const focal = roles.includes('focal_point');
  const serverErrors = useMemo(() => fieldErrors(update.error, t), [update.error, t]);
  const errors = useMemo(() => ({ ...serverErrors, ...checked }), [serverErrors, checked]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!displayName.trim()) missing.displayName = t('common.required');
    if (roles.length === 0 && !isAdmin) missing.roles = t('invitations.form.rolesRequired');
    if (focal && !stateCode) missing.stateCode = t('invitations.form.stateRequired');
    setChecked(missing);
    if (Object.keys(missing).length > 0) return;
    const before = EDITABLE_ROLES.filter((role) => user.roles.includes(role));
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
  const error = describe(update.error);
  return (
    <ModalDialog
      title={t('users.edit.title', { name: user.displayName })}
      isOpen
      isDismissable={!update.isPending}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      size="large"
    >
      <Form
        className="ui-form"
        validationBehavior="aria"
        validationErrors={errors}
        onSubmit={submit}
      >
        <TextField
          name="displayName"
          label={t('users.edit.name')}
          value={displayName}
          onChange={setDisplayName}
          maxLength={120}
          isRequired
          autoFocus
        />
        <CheckboxGroup
          name="roles"
          label={t('users.edit.roles')}
          description={isAdmin ? t('users.edit.adminNote') : t('invitations.form.rolesHelp')}
          options={EDITABLE_ROLES.map((role) => ({ id: role, label: t(`roles.${role}`) }))}
          value={roles}
          onChange={setRoles}
        />
        {focal && (
          <SelectField
            name="stateCode"
            label={t('invitations.form.state')}
            placeholder={t('invitations.form.statePlaceholder')}
            options={stateOptions}
            value={stateCode}
            onChange={setStateCode}
            isRequired
          />
        )}
        {error && <Alert tone="error">{error}</Alert>}
        <Actions isPending={update.isPending} submitLabel={t('common.save')} onCancel={onClose} />
      </Form>
    </ModalDialog>
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
  const describe = useErrorMessage();
  const recover = useRecoveryInvitation(user.id);
  const [hours, setHours] = useState(72);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    recover.mutate(Number.isFinite(hours) ? hours : 72, { onSuccess: onIssued });
  };
  const error = describe(recover.error);
  return (
    <ModalDialog
      title={t('users.recovery.title', { name: user.displayName })}
      isOpen
      isDismissable={!recover.isPending}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <Form className="ui-form" validationBehavior="aria" onSubmit={submit}>
        <p>{t('users.recovery.body')}</p>
        <NumberField
          name="expiresInHours"
          label={t('invitations.form.expires')}
          description={t('invitations.form.expiresHelp')}
          value={hours}
          onChange={setHours}
          minValue={1}
          maxValue={720}
          step={1}
          isRequired
        />
        {error && <Alert tone="error">{error}</Alert>}
        <Actions
          isPending={recover.isPending}
          submitLabel={t('users.recovery.submit')}
          onCancel={onClose}
        />
      </Form>
    </ModalDialog>
  );
}
