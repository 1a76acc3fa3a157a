import type { State } from '@coop/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading, Page, useErrorMessage } from '../platform';
import { Alert, Button, DataTable, TextField, useDateTimeFormat } from '../ui';
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
  const shown = states.data?.filter((state) => matches(state, query)) ?? [];

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
      {states.isPending && <Loading />}
      {states.isError && <Alert tone="error">{describe(states.error)}</Alert>}
      {states.data && (
        <>
          <p className="states__count" role="status">
            {t('states.count', { shown: shown.length, total: states.data.length })}
          </p>
          <DataTable caption={t('states.title')}>
            <thead>
              <tr>
                <th scope="col">{t('states.columns.code')}</th>
                {NAME_LANGUAGES.map((language) => (
                  <th scope="col" key={language}>
                    {t(`states.nameIn.${language}`)}
                  </th>
                ))}
                <th scope="col">{t('states.columns.group')}</th>
                <th scope="col">{t('states.columns.entryIntoForce')}</th>
                <th scope="col">{t('states.columns.withdrawal')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.length === 0 && (
                <tr>
                  <td colSpan={9} className="ui-table__empty">
                    {t('states.empty')}
                  </td>
                </tr>
              )}
              {shown.map((state) => (
                <tr key={state.code}>
                  <th scope="row" className="ui-table__code">
                    <Link to={`/admin/states/${state.code}`}>{state.code}</Link>
                  </th>
                  {NAME_LANGUAGES.map((language) => (
                    <td key={language} lang={language} dir={language === 'ar' ? 'rtl' : 'ltr'}>
                      {state.names[language]}
                    </td>
                  ))}
                  <td>{t(`states.groups.${state.regionalGroup}`)}</td>
                  <td className="nowrap">{date(state.entryIntoForce)}</td>
                  <td className="nowrap">
                    {state.withdrawalEffective ? date(state.withdrawalEffective) : ''}
                  </td>
                  <td className="ui-table__actions">
                    {!state.withdrawalEffective && (
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
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </>
      )}
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
