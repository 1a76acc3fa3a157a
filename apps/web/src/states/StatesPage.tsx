import type { State } from '@coop/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page, useErrorMessage } from '../platform';
import { Alert, Button, DataTable, TextField, useDateTimeFormat, type Column } from '../ui';
import { stateName, useStates } from './queries';
import { AddStateDialog, WithdrawalDialog } from './StateDialogs';
import './states.css';

const NAME_LANGUAGES = ['en', 'fr', 'ar', 'es'] as const;
const DAY: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeZone: 'UTC' };

/** An ISO calendar date (no time, no zone) as the reader's locale writes it. */
export function useCalendarDate(): (iso: string) => string {
  const format = useDateTimeFormat(DAY);
  return (iso) => format.format(new Date(`${iso}T00:00:00Z`));
}

function matches(state: State, query: string): boolean {
  const needle = query.trim().toLocaleLowerCase();
  if (!needle) return true;
  return [state.code, ...Object.values(state.names)].some((value) =>
    value.toLocaleLowerCase().includes(needle),
  );
}

export function StatesPage() {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const states = useStates();
  const date = useCalendarDate();
  const [query, setQuery] = useState('');
  const [adding, setAdding] = useState(false);
  const [withdrawing, setWithdrawing] = useState<State | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const shown = states.data?.filter((state) => matches(state, query));
  const columns: Column<State>[] = [
    {
      key: 'code',
      heading: t('states.columns.code'),
      primary: true,
      cellProps: { className: 'ui-table__code' },
      cell: (state) => <Link to={`/admin/states/${state.code}`}>{state.code}</Link>,
    },
    ...NAME_LANGUAGES.map((language): Column<State> => ({
      key: language,
      heading: t(`states.nameIn.${language}`),
      cellProps: { lang: language, dir: language === 'ar' ? 'rtl' : 'ltr' },
      cell: (state) => state.names[language],
    })),
    {
      key: 'group',
      heading: t('states.columns.group'),
      cell: (state) => t(`states.groups.${state.regionalGroup}`),
    },
    {
      key: 'entryIntoForce',
      heading: t('states.columns.entryIntoForce'),
      cellProps: { className: 'nowrap' },
      cell: (state) => date(state.entryIntoForce),
    },
    {
      key: 'withdrawal',
      heading: t('states.columns.withdrawal'),
      cellProps: { className: 'nowrap' },
      cell: (state) => (state.withdrawalEffective ? date(state.withdrawalEffective) : ''),
    },
  ];

  return (
    <Page
      title={t('states.title')}
      lead={t('states.lead')}
      actions={
        <Button
          onPress={() => {
            setDone(null);
            setAdding(true);
          }}
        >
          {t('states.add')}
        </Button>
      }
    >
      <div className="ui-filters" role="search">
        <TextField
          label={t('states.search')}
          type="search"
          value={query}
          onChange={setQuery}
          className="states__search"
        />
      </div>
      {done && <Alert tone="success">{done}</Alert>}
      {states.data && shown && (
        <p className="states__count" role="status">
          {t('states.count', { shown: shown.length, total: states.data.length })}
        </p>
      )}
      <DataTable
        caption={t('states.title')}
        columns={columns}
        rows={shown}
        rowKey={(state) => state.code}
        isLoading={states.isPending}
        error={describe(states.error)}
        empty={t('states.empty')}
        actions={(state) =>
          !state.withdrawalEffective && (
            <Button
              variant="secondary"
              size="small"
              aria-label={t('states.withdrawal.openOne', { name: stateName(state) })}
              onPress={() => {
                setDone(null);
                setWithdrawing(state);
              }}
            >
              {t('states.withdrawal.open')}
            </Button>
          )
        }
      />
      {adding && (
        <AddStateDialog
          onClose={() => setAdding(false)}
          onDone={(state) => {
            setAdding(false);
            setDone(t('states.added', { name: stateName(state) }));
          }}
        />
      )}
      {withdrawing && (
        <WithdrawalDialog
          state={withdrawing}
          onClose={() => setWithdrawing(null)}
          onDone={(state) => {
            setWithdrawing(null);
            setDone(t('states.withdrawal.done', { name: stateName(state) }));
          }}
        />
      )}
    </Page>
  );
}
