import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useUsers } from '../identity';
import { useStateOptions } from '../states';
import { Button, SelectField, TextField } from '../ui';
import type { AuditFilter } from './api';

const ALL = 'all';
const ACTION = /^[a-z0-9_.-]{1,80}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface Draft {
  actorId: string;
  action: string;
  stateCode: string;
  from: string;
  to: string;
}

const EMPTY: Draft = { actorId: ALL, action: '', stateCode: ALL, from: '', to: '' };

export function draftOf(params: URLSearchParams): Draft {
  return {
    actorId: params.get('actor') ?? ALL,
    action: params.get('action') ?? '',
    stateCode: params.get('state') ?? ALL,
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
}

/** The address's query string for a draft; an empty filter leaves it out. */
export function paramsOf(draft: Draft): URLSearchParams {
  const next = new URLSearchParams();
  if (draft.actorId !== ALL) next.set('actor', draft.actorId);
  if (draft.action) next.set('action', draft.action);
  if (draft.stateCode !== ALL) next.set('state', draft.stateCode);
  if (draft.from) next.set('from', draft.from);
  if (draft.to) next.set('to', draft.to);
  return next;
}

/** Local calendar days to the API's instants: from the first day's start to the last day's end. */
export function filterOf(draft: Draft): AuditFilter {
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

export function Filters({ applied, onApply }: { applied: Draft; onApply: (draft: Draft) => void }) {
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
