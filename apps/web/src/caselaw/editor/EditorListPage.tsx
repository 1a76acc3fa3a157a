import { CASELAW_STATUSES, type CaselawStatus } from '@coop/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { useErrorMessage } from '../../platform';
import { Alert, CheckboxGroup, DataTable, Loading, TextField, useDateTimeFormat } from '../../ui';
import { CaselawPage } from '../CaselawPage';
import { DocNumbers } from '../DocNumbers';
import { interfaceLanguage, useCaselawT } from '../i18n';
import { directionOf, pick } from '../labels';
import { useEditorList } from '../queries';
import { StatusBadge } from './StatusBadge';
import { Transfer } from './Transfer';

const WHEN: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

export function EditorListPage() {
  const t = useCaselawT();
  const describe = useErrorMessage();
  const when = useDateTimeFormat(WHEN);
  const ui = interfaceLanguage();
  const [status, setStatus] = useState<CaselawStatus[]>([]);
  const [q, setQ] = useState('');
  const list = useEditorList({ status, q });
  const entries = list.data?.entries ?? [];

  return (
    <CaselawPage
      title={t('editor.title')}
      lead={t('editor.lead')}
      actions={
        <>
          <Link to="/caselaw/editor/new/entry" className="caselaw-button-link">
            {t('editor.newEntry')}
          </Link>
          <Link
            to="/caselaw/editor/new/explainer"
            className="caselaw-button-link caselaw-button-link--secondary"
          >
            {t('editor.newExplainer')}
          </Link>
        </>
      }
    >
      <div className="ui-filters" role="search" aria-label={t('editor.filters')}>
        <TextField
          type="search"
          label={t('editor.filterText')}
          value={q}
          onChange={setQ}
          maxLength={200}
        />
        <CheckboxGroup
          label={t('editor.filterStatus')}
          options={CASELAW_STATUSES.map((s) => ({ id: s, label: t(`status.${s}`) }))}
          value={status}
          onChange={setStatus}
          className="caselaw-status-filter"
        />
      </div>
      {list.isPending && <Loading />}
      {list.isError && <Alert tone="error">{describe(list.error)}</Alert>}
      {list.data && (
        <>
          <p role="status" className="caselaw-editor__count">
            {t('editor.count', { shown: entries.length, total: list.data.total })}
          </p>
          <DataTable caption={t('editor.title')}>
            <thead>
              <tr>
                <th scope="col">{t('editor.columns.title')}</th>
                <th scope="col">{t('editor.columns.numbers')}</th>
                <th scope="col">{t('editor.columns.kind')}</th>
                <th scope="col">{t('editor.columns.status')}</th>
                <th scope="col">{t('editor.columns.revision')}</th>
                <th scope="col">{t('editor.columns.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.length === 0 && (
                <tr>
                  <td colSpan={6} className="ui-table__empty">
                    {t('editor.empty')}
                  </td>
                </tr>
              )}
              {entries.map((entry) => {
                const title = pick(entry.title, ui);
                return (
                  <tr key={entry.id}>
                    <th scope="row">
                      <Link
                        to={`/caselaw/editor/${encodeURIComponent(entry.id)}`}
                        lang={title?.lang}
                        dir={title ? directionOf(title.lang) : undefined}
                      >
                        {title?.value ?? entry.id}
                      </Link>
                    </th>
                    <td>
                      <DocNumbers numbers={entry.documentNumbers} />
                    </td>
                    <td>{t(`kind.${entry.kind}`)}</td>
                    <td>
                      <StatusBadge entry={entry} />
                    </td>
                    <td>{entry.revision}</td>
                    <td>
                      <time dateTime={entry.updatedAt} className="nowrap">
                        {when.format(new Date(entry.updatedAt))}
                      </time>
                      <span className="ui-table__muted">
                        {' '}
                        · {entry.updatedBy?.displayName ?? t('history.system')}
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </DataTable>
        </>
      )}
      <Transfer />
    </CaselawPage>
  );
}
