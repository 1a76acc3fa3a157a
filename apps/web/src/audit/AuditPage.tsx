import type { AuditEntry } from '@coop/contracts';
import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useUserNames, useUsers } from '../identity';
import { apiHref, Loading, Page, StepUpCancelled, useErrorMessage, withQuery } from '../platform';
import { useStateName, useStateOptions } from '../states';
import { Alert, Button, DataTable, SelectField, TextField, useDateTimeFormat } from '../ui';
import { useStepUp } from '../webauthn';
import { useAuditLog, type AuditFilter } from './queries';
import './audit.css';

const ALL = 'all';
const ACTION = /^[a-z0-9_.-]{1,80}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const WHEN: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'medium' };

interface Draft {
  actorId: string;
  action: string;
  stateCode: string;
  from: string;
  to: string;
}

const EMPTY: Draft = { actorId: ALL, action: '', stateCode: ALL, from: '', to: '' };

function draftOf(params: URLSearchParams): Draft {
  return {
    actorId: params.get('actor') ?? ALL,
    action: params.get('action') ?? '',
    stateCode: params.get('state') ?? ALL,
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
}

/** Local calendar days to the API's instants: from the first day's start to the last day's end. */
function filterOf(draft: Draft): AuditFilter {
  const startOf = (day: string, plusDays = 0) => {
    const date = new Date(`${day}T00:00:00`);
    date.setDate(date.getDate() + plusDays);
    return date.toISOString();
  };
  return {
    actorId: draft.actorId === ALL ? undefined : draft.actorId,
    action: ACTION.test(draft.action) ? draft.action : undefined,
    stateCode: draft.stateCode === ALL ? undefined : draft.stateCode,
    from: DATE.test(draft.from) ? startOf(draft.from) : undefined,
    to: DATE.test(draft.to) ? startOf(draft.to, 1) : undefined,
  };
}

function Filters({ applied, onApply }: { applied: Draft; onApply: (draft: Draft) => void }) {
  const { t } = useTranslation();
  const users = useUsers();
  const stateOptions = useStateOptions();
  const [draft, setDraft] = useState(applied);
  const [actionError, setActionError] = useState<string | undefined>();
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setDraft((current) => ({ ...current, [key]: value }));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const action = draft.action.trim();
    if (action && !ACTION.test(action)) {
      setActionError(t('audit.filters.actionInvalid'));
      return;
    }
    setActionError(undefined);
    onApply({ ...draft, action });
  };
  const actors = [
    { id: ALL, label: t('common.all') },
    ...(users.data ?? []).map((user) => ({ id: user.id, label: user.displayName })),
  ];
  return (
    <Form
      className="ui-filters audit__filters"
      aria-label={t('audit.filters.label')}
      validationBehavior="aria"
      validationErrors={actionError ? { action: actionError } : undefined}
      onSubmit={submit}
    >
      <SelectField
        label={t('audit.filters.actor')}
        options={actors}
        value={draft.actorId}
        onChange={set('actorId')}
      />
      <TextField
        name="action"
        label={t('audit.filters.action')}
        description={t('audit.filters.actionHelp')}
        value={draft.action}
        onChange={set('action')}
        inputDir="ltr"
        maxLength={80}
      />
      <SelectField
        label={t('audit.filters.state')}
        options={[{ id: ALL, label: t('common.all') }, ...stateOptions]}
        value={draft.stateCode}
        onChange={set('stateCode')}
      />
      <TextField
        type="date"
        label={t('audit.filters.from')}
        value={draft.from}
        onChange={set('from')}
        inputDir="ltr"
      />
      <TextField
        type="date"
        label={t('audit.filters.to')}
        value={draft.to}
        onChange={set('to')}
        inputDir="ltr"
      />
      <div className="audit__filter-actions">
        <Button type="submit">{t('audit.filters.apply')}</Button>
        <Button
          variant="secondary"
          onPress={() => {
            setDraft(EMPTY);
            setActionError(undefined);
            onApply(EMPTY);
          }}
        >
          {t('audit.filters.clear')}
        </Button>
      </div>
    </Form>
  );
}

function Subject({ entry }: { entry: AuditEntry }) {
  const userName = useUserNames();
  const stateName = useStateName();
  if (!entry.subjectType || !entry.subjectId) return null;
  if (entry.subjectType === 'user') {
    return (
      <Link to={`/admin/users/${entry.subjectId}`}>
        {userName(entry.subjectId) ?? entry.subjectId}
      </Link>
    );
  }
  if (entry.subjectType === 'state') return <>{stateName(entry.subjectId)}</>;
  return (
    <span className="ui-table__code" dir="ltr">
      {entry.subjectType} {entry.subjectId}
    </span>
  );
}

function useExport() {
  const stepUp = useStepUp();
  const describe = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The browser downloads the file itself (it may be large), so the passkey confirmation the
  // API requires is obtained first rather than on a refusal.
  const start = async (filter: AuditFilter) => {
    setBusy(true);
    setError(null);
    try {
      await stepUp();
      const link = document.createElement('a');
      link.href = apiHref(withQuery('/audit/export', { ...filter }));
      link.download = '';
      document.body.append(link);
      link.click();
      link.remove();
    } catch (failure) {
      if (!(failure instanceof StepUpCancelled)) setError(describe(failure));
    } finally {
      setBusy(false);
    }
  };
  return { start, busy, error };
}

export function AuditPage() {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const [params, setParams] = useSearchParams();
  const applied = draftOf(params);
  const filter = filterOf(applied);
  const log = useAuditLog(filter);
  const userName = useUserNames();
  const stateName = useStateName();
  const when = useDateTimeFormat(WHEN);
  const exporter = useExport();
  const entries = log.data?.pages.flatMap((page) => page.entries) ?? [];

  const apply = (draft: Draft) => {
    const next = new URLSearchParams();
    if (draft.actorId !== ALL) next.set('actor', draft.actorId);
    if (draft.action) next.set('action', draft.action);
    if (draft.stateCode !== ALL) next.set('state', draft.stateCode);
    if (draft.from) next.set('from', draft.from);
    if (draft.to) next.set('to', draft.to);
    setParams(next, { replace: true });
  };

  return (
    <Page
      title={t('audit.title')}
      lead={t('audit.lead')}
      actions={
        <Button
          variant="secondary"
          isPending={exporter.busy}
          onPress={() => void exporter.start(filter)}
        >
          {t('audit.export')}
        </Button>
      }
    >
      <Filters key={params.toString()} applied={applied} onApply={apply} />
      {exporter.error && <Alert tone="error">{exporter.error}</Alert>}
      {log.isPending && <Loading />}
      {log.isError && <Alert tone="error">{describe(log.error)}</Alert>}
      {log.data && (
        <>
          <DataTable caption={t('audit.title')}>
            <thead>
              <tr>
                <th scope="col">{t('audit.columns.at')}</th>
                <th scope="col">{t('audit.columns.actor')}</th>
                <th scope="col">{t('audit.columns.action')}</th>
                <th scope="col">{t('audit.columns.subject')}</th>
                <th scope="col">{t('audit.columns.state')}</th>
                <th scope="col">{t('audit.columns.details')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.length === 0 && (
                <tr>
                  <td colSpan={6} className="ui-table__empty">
                    {t('audit.empty')}
                  </td>
                </tr>
              )}
              {entries.map((entry) => (
                <tr key={entry.seq}>
                  <td className="nowrap">
                    <time dateTime={entry.at}>{when.format(new Date(entry.at))}</time>
                    <br />
                    <span className="ui-table__muted">{t('audit.seq', { seq: entry.seq })}</span>
                  </td>
                  <td>
                    {entry.actorId ? (userName(entry.actorId) ?? entry.actorId) : t('audit.system')}
                  </td>
                  <td>
                    <span className="ui-table__code" dir="ltr">
                      {entry.action}
                    </span>
                  </td>
                  <td>
                    <Subject entry={entry} />
                  </td>
                  <td>{entry.stateCode ? stateName(entry.stateCode) : ''}</td>
                  <td>
                    {Object.keys(entry.details).length > 0 && (
                      <code className="audit__details" dir="ltr">
                        {JSON.stringify(entry.details)}
                      </code>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          <div className="audit__more">
            <p className="ui-table__muted" role="status">
              {t('audit.shown', { number: entries.length })}
            </p>
            {log.hasNextPage && (
              <Button
                variant="secondary"
                isPending={log.isFetchingNextPage}
                onPress={() => void log.fetchNextPage()}
              >
                {log.isFetchingNextPage ? t('common.loading') : t('audit.more')}
              </Button>
            )}
          </div>
        </>
      )}
    </Page>
  );
}
