import type { Readiness } from '@coop/contracts';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem, Page } from '../platform';
import { Badge, Button, useDateTimeFormat, useNumberFormat, type BadgeTone } from '../ui';
import type { ReadinessOutcome } from './api';
import { useReadiness } from './queries';
import './status.css';

type View =
  | { kind: 'checking' }
  | { kind: 'ready'; readiness: Readiness }
  | { kind: 'not-ready' | 'unreachable'; message: string };

function viewOf(data: ReadinessOutcome | undefined, error: Error | null, t: TFunction): View {
  if (error instanceof ApiProblem) return { kind: 'not-ready', message: error.problem.detail };
  // fetch rejects with a TypeError when no answer arrives at all.
  if (error instanceof TypeError) {
    return { kind: 'unreachable', message: t('status.unreachableDetail') };
  }
  if (error) return { kind: 'not-ready', message: t('status.unexpectedDetail') };
  if (!data) return { kind: 'checking' };
  return data.state === 'ready'
    ? { kind: 'ready', readiness: data.readiness }
    : { kind: 'not-ready', message: data.detail };
}

type BadgeLabel = 'status.checking' | 'status.ready' | 'status.notReady' | 'status.unreachable';

const badges: Readonly<Record<View['kind'], { tone: BadgeTone; label: BadgeLabel }>> = {
  checking: { tone: 'neutral', label: 'status.checking' },
  ready: { tone: 'positive', label: 'status.ready' },
  'not-ready': { tone: 'negative', label: 'status.notReady' },
  unreachable: { tone: 'negative', label: 'status.unreachable' },
};

const TIME: Intl.DateTimeFormatOptions = { timeStyle: 'medium' };
const MILLISECONDS: Intl.NumberFormatOptions = {
  style: 'unit',
  unit: 'millisecond',
  unitDisplay: 'short',
};

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="status-facts__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function StatusPage() {
  const { t } = useTranslation();
  const time = useDateTimeFormat(TIME);
  const milliseconds = useNumberFormat(MILLISECONDS);
  const { data, error, isFetching, refetch, dataUpdatedAt, errorUpdatedAt } = useReadiness();

  const view = viewOf(data, error, t);
  const badge = badges[view.kind];
  const checkedAt = Math.max(dataUpdatedAt, errorUpdatedAt);

  return (
    <Page title={t('status.title')} lead={t('status.intro')}>
      <div className="status-card" aria-busy={isFetching}>
        <dl className="status-facts">
          <Fact label={t('status.fields.state')}>
            <span role="status">
              <Badge tone={badge.tone}>{t(badge.label)}</Badge>
            </span>
          </Fact>
          {view.kind === 'ready' && (
            <Fact label={t('status.fields.latency')}>
              {milliseconds.format(view.readiness.database.latencyMs)}
            </Fact>
          )}
          {checkedAt > 0 && (
            <Fact label={t('status.fields.checkedAt')}>
              <time dateTime={new Date(checkedAt).toISOString()}>
                {time.format(new Date(checkedAt))}
              </time>
            </Fact>
          )}
        </dl>
        {(view.kind === 'not-ready' || view.kind === 'unreachable') && (
          <p className="status-card__message">{view.message}</p>
        )}
        <div className="status-card__actions">
          <Button
            variant="secondary"
            isPending={isFetching}
            onPress={() => {
              void refetch();
            }}
          >
            {isFetching ? t('status.checking') : t('status.refresh')}
          </Button>
        </div>
      </div>
    </Page>
  );
}
