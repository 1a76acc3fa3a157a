import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Page, Section, useErrorMessage } from '../platform';
import { useStateName } from '../states';
import { Alert, Badge, Button, Fact, Facts, Loading, useDateTimeFormat } from '../ui';
import {
  AttestationList,
  Fingerprint,
  KeyHistory,
  RecordProblem,
  SafetyNumberSection,
} from './ContactKeys';
import { KeyChangeWarning, useVerificationOf } from './KeyChangeWarning';
import { useContactScope } from './PeoplePage';
import { useCheckedUserKeys, useContacts, useOwnKeys, useRecordVerification } from './queries';
import './keys.css';

const DAY: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeStyle: 'short' };

/** Compare keys with one contact: safety number, verification, history and attestations. */
export function ContactPage() {
  const { userId = '' } = useParams();
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const { stateCode, chooses } = useContactScope();
  const contacts = useContacts(stateCode);
  const keys = useCheckedUserKeys(userId);
  // Public keys only, mine and theirs: comparing needs no unlocking.
  const mine = useOwnKeys().data?.checked ?? null;
  const verification = useVerificationOf()(userId);
  const record = useRecordVerification();
  const stateName = useStateName();
  const when = useDateTimeFormat(DAY);
  const [marked, setMarked] = useState(false);
  const back = chooses && stateCode ? `/people?state=${encodeURIComponent(stateCode)}` : '/people';
  const lead = <Link to={back}>{t('keys.contact.back')}</Link>;

  if (contacts.isLoading || keys.isPending) return <Loading />;
  const person = contacts.data?.find((user) => user.id === userId);
  if (!person) {
    return (
      <Page title={t('keys.contact.unknown')} lead={lead}>
        <Alert tone="error">
          {contacts.isError ? describe(contacts.error) : t('keys.contact.unknownBody')}
        </Alert>
      </Page>
    );
  }
  const name = person.displayName;
  const checked = keys.data?.checked ?? null;
  const verified =
    !!verification && !verification.stale && verification.fingerprint === checked?.fingerprint;

  return (
    <Page title={name} lead={lead} className="keys keys--wide">
      <KeyChangeWarning userId={userId} name={name} />
      <div className="card">
        <Facts>
          <Fact label={t('keys.people.columns.roles')}>
            {person.roles.map((role) => t(`roles.${role}`)).join(', ')}
          </Fact>
          {person.stateCode && (
            <Fact label={t('keys.people.columns.state')}>{stateName(person.stateCode)}</Fact>
          )}
          {checked && (
            <Fact label={t('keys.fingerprint')}>
              <Fingerprint value={checked.fingerprint} />
            </Fact>
          )}
          <Fact label={t('keys.people.columns.key')}>
            {verified ? (
              <Badge tone="positive">{t('keys.status.verified')}</Badge>
            ) : verification?.stale ? (
              <Badge tone="warning">{t('keys.status.changed')}</Badge>
            ) : (
              <Badge tone="neutral">{t('keys.status.unverified')}</Badge>
            )}
          </Fact>
        </Facts>
      </div>
      {keys.isError && <RecordProblem name={name} />}
      {keys.data && !checked && <Alert tone="info">{t('keys.contact.noKeys', { name })}</Alert>}
      {checked && mine && (
        <>
          <SafetyNumberSection mine={mine.record} theirs={checked.record} name={name} />
          <Section title={t('keys.contact.verifyTitle')}>
            {verified && verification ? (
              <p>
                {t('keys.contact.verifiedOn', {
                  name,
                  date: when.format(new Date(verification.verifiedAt)),
                })}
              </p>
            ) : (
              <p>{t('keys.contact.notVerified', { name })}</p>
            )}
            {marked && verified && (
              <Alert tone="success">{t('keys.contact.marked', { name })}</Alert>
            )}
            {record.error != null && <Alert tone="error">{describe(record.error)}</Alert>}
            {!verified && (
              <Button
                isPending={record.isPending}
                onPress={() =>
                  record.mutate(
                    { subjectUserId: userId, fingerprint: checked.fingerprint },
                    { onSuccess: () => setMarked(true) },
                  )
                }
              >
                {t('keys.contact.markVerified')}
              </Button>
            )}
          </Section>
        </>
      )}
      {keys.data && (
        <>
          {keys.data.keys.history.length > 0 && (
            <Section
              title={t('keys.contact.historyTitle')}
              description={t('keys.contact.historyHelp')}
            >
              <KeyHistory keys={keys.data.keys} />
            </Section>
          )}
          <AttestationList
            keys={keys.data.keys}
            currentFingerprint={checked?.fingerprint ?? null}
            nameOf={(id) => contacts.data?.find((user) => user.id === id)?.displayName}
          />
        </>
      )}
    </Page>
  );
}
