import type { CreateInvitation, IssuedInvitation } from '@coop/contracts';
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
import { useCreateInvitation } from './queries';

type InvitableRole = 'facilitator' | 'focal_point';
const INVITABLE_ROLES: readonly InvitableRole[] = ['facilitator', 'focal_point'];
const DEFAULT_HOURS = 72;

/** Invites a person; registry_admin is granted separately, through a two-person approval. */
export function InviteDialog({
  onClose,
  onIssued,
}: {
  onClose: () => void;
  onIssued: (issued: IssuedInvitation) => void;
}) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const create = useCreateInvitation();
  const stateOptions = useStateOptions();
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<InvitableRole[]>([]);
  const [stateCode, setStateCode] = useState<string | null>(null);
  const [hours, setHours] = useState(DEFAULT_HOURS);
  const [checked, setChecked] = useState<Record<string, string>>({});
  const focal = roles.includes('focal_point');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!displayName.trim()) missing.displayName = t('common.required');
    if (!email.trim()) missing.email = t('common.required');
    if (roles.length === 0) missing.roles = t('invitations.form.rolesRequired');
    if (focal && !stateCode) missing.stateCode = t('invitations.form.stateRequired');
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

  // A stable object: react-aria re-shows these errors whenever it receives a new one.
  const serverErrors = useMemo(() => fieldErrors(create.error, t), [create.error, t]);
  const errors = useMemo(() => ({ ...serverErrors, ...checked }), [serverErrors, checked]);
  const error = describe(create.error);
  return (
    <ModalDialog
      title={t('invitations.form.title')}
      isOpen
      isDismissable={!create.isPending}
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
        <p>{t('invitations.form.intro')}</p>
        <div className="ui-form__row">
          <TextField
            name="displayName"
            label={t('invitations.form.name')}
            value={displayName}
            onChange={setDisplayName}
            maxLength={120}
            isRequired
            autoFocus
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
        <CheckboxGroup
          name="roles"
          label={t('invitations.form.roles')}
          description={t('invitations.form.rolesHelp')}
          options={INVITABLE_ROLES.map((role) => ({ id: role, label: t(`roles.${role}`) }))}
          value={roles}
          onChange={setRoles}
          isRequired
        />
        <div className="ui-form__row">
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
        </div>
        {error && <Alert tone="error">{error}</Alert>}
        <div className="ui-dialog__actions">
          <Button variant="secondary" isDisabled={create.isPending} onPress={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" isPending={create.isPending}>
            {t('invitations.form.submit')}
          </Button>
        </div>
      </Form>
    </ModalDialog>
  );
}
