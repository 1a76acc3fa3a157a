import type { User } from '@coop/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Checkbox } from 'react-aria-components';
import { Link } from 'react-router';
import { Section, useErrorMessage, useSignedInUser } from '../platform';
import { Alert, Badge, Button, Fact, Facts, Loading, ModalDialog } from '../ui';
import { AttestationList, Fingerprint, NumberGroups, RecordProblem } from './ContactKeys';
import { fingerprintGroups } from './format';
import { KeyChangeWarning } from './KeyChangeWarning';
import { useAttest, useCheckedUserKeys } from './queries';
import { RequireKeys } from './RequireKeys';
import './keys.css';

function AttestDialog({
  user,
  fingerprint,
  onClose,
  onDone,
}: {
  user: User;
  fingerprint: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const attest = useAttest(user);
  const [compared, setCompared] = useState(false);
  const name = user.displayName;
  const roles = user.roles.map((role) => t(`roles.${role}`)).join(', ');
  return (
    <ModalDialog
      title={t('keys.attest.title', { name })}
      isOpen
      isDismissable={!attest.isPending}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      size="large"
    >
      <p>{t('keys.attest.intro', { name })}</p>
      <NumberGroups groups={fingerprintGroups(fingerprint)} label={t('keys.fingerprint')} />
      <p>{t('keys.attest.meaning', { name, roles })}</p>
      <Checkbox className="ui-checkbox" isSelected={compared} onChange={setCompared}>
        <span className="ui-checkbox__box" aria-hidden="true">
          <svg viewBox="0 0 16 16" focusable="false">
            <path d="M3.5 8.5l3 3 6-7" fill="none" stroke="currentColor" strokeWidth="2" />
          </svg>
        </span>
        {t('keys.attest.check', { name })}
      </Checkbox>
      {attest.error != null && <Alert tone="error">{describe(attest.error)}</Alert>}
      <div className="ui-dialog__actions">
        <Button variant="secondary" isDisabled={attest.isPending} onPress={onClose}>
          {t('common.cancel')}
        </Button>
        <Button
          isDisabled={!compared}
          isPending={attest.isPending}
          onPress={() => attest.mutate(fingerprint, { onSuccess: onDone })}
        >
          {t('keys.attest.submit')}
        </Button>
      </div>
    </ModalDialog>
  );
}

/** The admin's view of a user's key: compare it, then attest it for everyone. */
export function AttestKeySection({ user }: { user: User }) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const keys = useCheckedUserKeys(user.id);
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  const name = user.displayName;
  const self = me.user.id === user.id;
  const checked = keys.data?.checked ?? null;
  const attested = keys.data?.keys.attestations.some(
    (a) => a.fingerprint === checked?.fingerprint && a.attesterUserId === me.user.id,
  );
  return (
    <>
      <Section
        title={t('keys.attest.sectionTitle')}
        actions={
          checked &&
          !self &&
          user.status === 'active' && (
            <Button
              variant="secondary"
              onPress={() => {
                setDone(false);
                setOpen(true);
              }}
            >
              {t('keys.attest.open')}
            </Button>
          )
        }
      >
        {!self && (
          <KeyChangeWarning userId={user.id} name={name} compareHref={`/people/${user.id}`} />
        )}
        {done && <Alert tone="success">{t('keys.attest.done', { name })}</Alert>}
        {keys.isPending && <Loading />}
        {keys.isError && <RecordProblem name={name} />}
        {keys.data && !checked && <p>{t('keys.contact.noKeys', { name })}</p>}
        {checked && keys.data && (
          <>
            <div className="card">
              <Facts>
                <Fact label={t('keys.fingerprint')}>
                  <Fingerprint value={checked.fingerprint} />
                </Fact>
                <Fact label={t('keys.generation')}>{checked.record.generation}</Fact>
                <Fact label={t('keys.attest.status')}>
                  {attested ? (
                    <Badge tone="positive">{t('keys.attest.byYou')}</Badge>
                  ) : (
                    <Badge tone="neutral">{t('keys.attest.notByYou')}</Badge>
                  )}
                </Fact>
              </Facts>
              {!self && (
                <p>
                  <Link to={`/people/${user.id}`}>{t('keys.attest.compare', { name })}</Link>
                </p>
              )}
            </div>
            <AttestationList
              keys={keys.data.keys}
              currentFingerprint={checked.fingerprint}
              nameOf={(id) => (id === me.user.id ? me.user.displayName : undefined)}
              nested
            />
          </>
        )}
      </Section>
      {open && checked && (
        // Attesting signs with my private key: unlocked here first if need be.
        <RequireKeys onCancel={() => setOpen(false)}>
          <AttestDialog
            user={user}
            fingerprint={checked.fingerprint}
            onClose={() => setOpen(false)}
            onDone={() => {
              setOpen(false);
              setDone(true);
            }}
          />
        </RequireKeys>
      )}
    </>
  );
}
