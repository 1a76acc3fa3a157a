import type { InvitationPreview } from '@coop/contracts';
import { browserSupportsWebAuthn } from '@simplewebauthn/browser';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from 'react-aria-components';
import { useLocation, useNavigate } from 'react-router';
import { markRecovered } from '../../keys';
import { fieldErrors, Page, useErrorMessage, useSession } from '../../platform';
import { Alert, Button, Fact, Facts, Loading, TextField, useDateTimeFormat } from '../../ui';
import { useInvitationPreview, useRegisterWithInvitation } from './queries';
import './auth.css';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const WHEN: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeStyle: 'short' };

function knownRoles(roles: readonly string[]) {
  return roles.filter(
    (role): role is 'registry_admin' | 'facilitator' | 'focal_point' =>
      role === 'registry_admin' || role === 'facilitator' || role === 'focal_point',
  );
}

function Preview({ preview }: { preview: InvitationPreview }) {
  const { t } = useTranslation();
  const when = useDateTimeFormat(WHEN);
  return (
    <Facts>
      <Fact label={t('invite.fields.name')}>{preview.displayName}</Fact>
      <Fact label={t('invite.fields.email')}>
        <span dir="ltr">{preview.email}</span>
      </Fact>
      <Fact label={t('invite.fields.roles')}>
        {knownRoles(preview.roles)
          .map((role) => t(`roles.${role}`))
          .join(', ')}
      </Fact>
      {preview.stateCode && (
        <Fact label={t('invite.fields.state')}>
          <span dir="ltr">{preview.stateCode}</span>
        </Fact>
      )}
      <Fact label={t('invite.fields.expires')}>
        <time dateTime={preview.expiresAt}>{when.format(new Date(preview.expiresAt))}</time>
      </Fact>
    </Facts>
  );
}

/** Redeems the invitation link `/invite#<token>`; the token never reaches the server in the URL. */
export function InvitePage() {
  const { t } = useTranslation();
  const { hash, pathname } = useLocation();
  const navigate = useNavigate();
  const describe = useErrorMessage();
  const { signedIn } = useSession();
  const token = hash.replace(/^#/, '');
  const valid = TOKEN.test(token);
  const [passkeyName, setPasskeyName] = useState(() => t('invite.defaultPasskeyName'));

  const preview = useInvitationPreview(token, valid);
  const register = useRegisterWithInvitation(token, (me) => {
    // The link is spent: take it out of the address bar and the history before leaving.
    window.history.replaceState(window.history.state, '', pathname);
    signedIn(me);
    // The old passkeys are gone: if the keys cannot be unlocked, starting over is offered.
    if (preview.data?.purpose === 'recovery') markRecovered(me.user.id);
    void navigate('/', { replace: true });
  });

  const errors = useMemo(() => fieldErrors(register.error, t), [register.error, t]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (passkeyName.trim()) register.mutate(passkeyName.trim());
  };

  if (!valid) {
    return (
      <Page title={t('invite.title')} className="auth">
        <Alert tone="error">{t('invite.incomplete')}</Alert>
      </Page>
    );
  }
  if (preview.isPending) return <Loading />;
  if (preview.isError) {
    return (
      <Page title={t('invite.title')} className="auth">
        <Alert tone="error">{describe(preview.error)}</Alert>
      </Page>
    );
  }

  const purpose = preview.data.purpose;
  const error = describe(register.error);
  return (
    <Page
      title={t(`invite.heading.${purpose}`)}
      lead={t(`invite.lead.${purpose}`)}
      className="auth"
    >
      <div className="card auth__card">
        <Preview preview={preview.data} />
        {purpose === 'recovery' && <Alert tone="warning">{t('invite.recoveryWarning')}</Alert>}
        {browserSupportsWebAuthn() ? (
          <Form
            className="ui-form"
            validationBehavior="aria"
            validationErrors={errors}
            onSubmit={submit}
          >
            <TextField
              name="passkeyName"
              label={t('invite.passkeyName')}
              description={t('invite.passkeyNameHelp')}
              value={passkeyName}
              onChange={setPasskeyName}
              maxLength={60}
              isRequired
              validate={(value) => (value.trim() ? null : t('common.required'))}
            />
            {error && <Alert tone="error">{error}</Alert>}
            <Button type="submit" className="auth__primary" isPending={register.isPending}>
              {register.isPending ? t('invite.waiting') : t('invite.button')}
            </Button>
          </Form>
        ) : (
          <Alert tone="warning">
            <p>{t('signIn.unsupported')}</p>
          </Alert>
        )}
      </div>
    </Page>
  );
}
