import type { KeyRecordV1 } from '@coop/crypto';
import type { UserKeys } from '@coop/contracts';
import { useTranslation } from 'react-i18next';
import { Section } from '../platform';
import {
  Alert,
  Badge,
  DataTable,
  Fact,
  Facts,
  timeColumn,
  useDateTimeFormat,
  type Column,
} from '../ui';
import { useAttestationChecks, useSafetyNumber, type AttestationState } from './checks';
import { formatFingerprint } from './format';
import { QrCode } from './QrCode';
import { useRootKey } from './queries';

const DAY: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

/** Digits or hex in groups, read left to right in every language. */
export function NumberGroups({ groups, label }: { groups: readonly string[]; label: string }) {
  return (
    <ol className="keys-number" dir="ltr" aria-label={label}>
      {groups.map((group, index) => (
        <li key={index}>{group}</li>
      ))}
    </ol>
  );
}

export function Fingerprint({ value }: { value: string }) {
  return (
    <span className="keys-fingerprint" dir="ltr">
      {formatFingerprint(value)}
    </span>
  );
}

export function SafetyNumberSection({
  mine,
  theirs,
  name,
}: {
  mine: KeyRecordV1;
  theirs: KeyRecordV1;
  name: string;
}) {
  const { t } = useTranslation();
  const safety = useSafetyNumber(mine, theirs);
  return (
    <Section
      title={t('keys.contact.safetyTitle')}
      description={t('keys.contact.safetyHelp', { name })}
    >
      <div className="card">
        {safety.data && (
          <NumberGroups
            groups={safety.data.digits.split(' ')}
            label={t('keys.contact.safetyTitle')}
          />
        )}
      </div>
      <h3 className="keys__subheading">{t('keys.contact.qrTitle')}</h3>
      <p>{t('keys.contact.qrHelp')}</p>
      {safety.data && (
        <>
          <QrCode text={safety.data.payload} label={t('keys.contact.qrTitle')} />
          <p className="keys-payload" dir="ltr">
            {safety.data.payload}
          </p>
        </>
      )}
    </Section>
  );
}

export function KeyHistory({ keys }: { keys: UserKeys }) {
  const { t } = useTranslation();
  const when = useDateTimeFormat(DAY);
  const columns: Column<UserKeys['history'][number]>[] = [
    {
      key: 'generation',
      heading: t('keys.generation'),
      primary: true,
      cell: (entry) => entry.generation,
    },
    {
      key: 'fingerprint',
      heading: t('keys.fingerprint'),
      cell: (entry) => <Fingerprint value={entry.fingerprint} />,
    },
    timeColumn('created', t('keys.contact.createdColumn'), (entry) => entry.createdAt, when),
  ];
  return (
    <DataTable
      caption={t('keys.contact.historyTitle')}
      columns={columns}
      rows={[...keys.history].reverse()}
      rowKey={(entry) => entry.generation}
    />
  );
}

const ATTESTATION_TONE: Record<AttestationState, 'positive' | 'neutral' | 'negative'> = {
  current: 'positive',
  earlier: 'neutral',
  invalid: 'negative',
};

/** Registry attestations, each checked in this browser, and the root key to compare them with. */
export function AttestationList({
  keys,
  currentFingerprint,
  nameOf,
  nested = false,
}: {
  keys: UserKeys;
  currentFingerprint: string | null;
  nameOf: (userId: string) => string | undefined;
  /** Inside another section: a third-level heading instead of a section of its own. */
  nested?: boolean;
}) {
  const { t } = useTranslation();
  const when = useDateTimeFormat(DAY);
  const checks = useAttestationChecks(keys, currentFingerprint);
  const root = useRootKey();
  const rootName = (id: string) => (root.data?.userId === id ? root.data.displayName : undefined);
  const content = (
    <>
      {keys.attestations.length === 0 && <p>{t('keys.contact.noAttestations')}</p>}
      {checks.data && checks.data.length > 0 && (
        <ul className="keys-list">
          {checks.data.map(({ attestation, state }) => (
            <li key={attestation.signature}>
              <Badge tone={ATTESTATION_TONE[state]}>{t(`keys.contact.attestation.${state}`)}</Badge>{' '}
              {t('keys.contact.attestation.by', {
                name:
                  nameOf(attestation.attesterUserId) ??
                  rootName(attestation.attesterUserId) ??
                  t('keys.contact.attestation.unknownAdmin'),
                date: when.format(new Date(attestation.attestedAt)),
              })}
              {root.data?.userId === attestation.attesterUserId && (
                <> {t('keys.contact.attestation.root')}</>
              )}
              <br />
              <span className="keys-muted">
                {t('keys.contact.attestation.attesterKey')}{' '}
                <Fingerprint value={attestation.attesterFingerprint} />
              </span>
            </li>
          ))}
        </ul>
      )}
      <div className="card">
        <Facts>
          <Fact label={t('keys.contact.rootTitle')}>
            {root.data ? (
              <>
                {root.data.displayName}
                <br />
                <Fingerprint value={root.data.fingerprint} />
              </>
            ) : (
              t('keys.contact.rootNone')
            )}
          </Fact>
        </Facts>
        <p className="keys-muted">{t('keys.contact.rootHelp')}</p>
      </div>
    </>
  );
  if (!nested) {
    return (
      <Section
        title={t('keys.contact.attestationsTitle')}
        description={t('keys.contact.attestationsHelp')}
      >
        {content}
      </Section>
    );
  }
  return (
    <div className="keys-subsection">
      <h3 className="keys__subheading">{t('keys.contact.attestationsTitle')}</h3>
      <p className="page-section__description">{t('keys.contact.attestationsHelp')}</p>
      {content}
    </div>
  );
}

export function RecordProblem({ name }: { name: string }) {
  const { t } = useTranslation();
  return (
    <Alert tone="error">
      <p>{t('keys.contact.recordInvalid', { name })}</p>
    </Alert>
  );
}
