import type { CreateInvitation, IssuedInvitation } from '@coop/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutationFeedback } from '../../platform';
import { FormDialog, TextField } from '../../ui';
import {
  accessProblems,
  DEFAULT_HOURS,
  ExpiryField,
  NameField,
  RolesField,
  StateField,
  type GrantableRole,
} from './PersonFields';
import { useCreateInvitation } from './queries';

/** Invites a person; registry_admin is granted separately, through a two-person approval. */
export function InviteDialog({
  onClose,
  onIssued,
}: {
  onClose: () => void;
  onIssued: (issued: IssuedInvitation) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateInvitation();
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<GrantableRole[]>([]);
  const [stateCode, setStateCode] = useState<string | null>(null);
  const [hours, setHours] = useState(DEFAULT_HOURS);
  const [checked, setChecked] = useState<Record<string, string>>({});
  const focal = roles.includes('focal_point');

  const feedback = useMutationFeedback(create, checked);

  const submit = () => {
    const missing = accessProblems(t, roles, stateCode, { rolesRequired: true });
    if (!displayName.trim()) missing.displayName = t('common.required');
    if (!email.trim()) missing.email = t('common.required');
    setChecked(missing);
    if (Object.keys(missing).length > 0) return;
    const input: CreateInvitation = {
      displayName: displayName.trim(),
      email: email.trim(),
      roles,
      stateCode: focal ? stateCode : null,
      expiresInHours: Number.isFinite(hours) ? hours : DEFAULT_HOURS,
    };
    create.mutate(input, { onSuccess: onIssued });
  };

  return (
    <FormDialog
      title={t('invitations.form.title')}
      size="large"
      onSubmit={submit}
      onClose={onClose}
      submitLabel={t('invitations.form.submit')}
      {...feedback}
    >
      <p>{t('invitations.form.intro')}</p>
      <div className="ui-form__row">
        <NameField
          label={t('invitations.form.name')}
          value={displayName}
          onChange={setDisplayName}
        />
        <TextField
          name="email"
          type="email"
          label={t('invitations.form.email')}
          value={email}
          onChange={setEmail}
          maxLength={254}
          inputDir="ltr"
          isRequired
        />
      </div>
      <RolesField
        label={t('invitations.form.roles')}
        description={t('invitations.form.rolesHelp')}
        value={roles}
        onChange={setRoles}
        isRequired
      />
      <div className="ui-form__row">
        {focal && <StateField value={stateCode} onChange={setStateCode} />}
        <ExpiryField value={hours} onChange={setHours} />
      </div>
    </FormDialog>
  );
}
