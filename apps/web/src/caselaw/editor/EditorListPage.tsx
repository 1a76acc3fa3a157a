import { CASELAW_STATUSES, type CaselawStatus, type ImportProblem } from '@coop/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { FileTrigger } from 'react-aria-components';
import { Link } from 'react-router';
import { Loading, StepUpCancelled, useErrorMessage } from '../../platform';
import { Alert, Button, CheckboxGroup, DataTable, TextField, useDateTimeFormat } from '../../ui';
import { useStepUp } from '../../webauthn';
import { CASELAW_QUERY_KEY } from '../api';
import { CaselawPage } from '../CaselawPage';
import { DocNumbers } from '../DocNumbers';
import { interfaceLanguage, useCaselawT } from '../i18n';
import { directionOf, pick } from '../labels';
import { useEditorList } from './queries';
import { StatusBadge } from './StatusBadge';
import { exportHref, importFile, UnreadableFile, type ImportOutcome } from './transfer';

const WHEN: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
/** Larger than any real export; the API refuses bigger bodies anyway. */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

function ImportResult({ outcome }: { outcome: ImportOutcome }) {
  const t = useCaselawT();
  if (outcome.ok) {
    const { report } = outcome;
    return (
      <Alert tone="success">
        <p>{t('transfer.imported')}</p>
        <ul>
          <li>{t('transfer.created', { count: report.created.length })}</li>
          <li>{t('transfer.updated', { count: report.updated.length })}</li>
          <li>{t('transfer.unchanged', { count: report.unchanged.length })}</li>
          <li>
            {t('transfer.topics', {
              count: report.topicsCreated.length + report.topicsUpdated.length,
            })}
          </li>
        </ul>
      </Alert>
    );
  }
  return (
    <div className="caselaw-import-report">
      <Alert tone="error">
        <p>
          <strong>{t('transfer.refused')}</strong>
        </p>
        <p>{outcome.detail}</p>
      </Alert>
      {outcome.problems.length > 0 && (
        <DataTable caption={t('transfer.problems')} captionHidden={false}>
          <thead>
            <tr>
              <th scope="col">{t('transfer.row')}</th>
              <th scope="col">{t('transfer.id')}</th>
              <th scope="col">{t('transfer.field')}</th>
              <th scope="col">{t('transfer.message')}</th>
            </tr>
          </thead>
          <tbody>
            {outcome.problems.map((p: Partial<ImportProblem>, index) => (
              <tr key={index}>
                <td className="nowrap">
                  {p.section === undefined || p.index === undefined
                    ? ''
                    : t(p.section === 'topics' ? 'transfer.topicRow' : 'transfer.entryRow', {
                        number: p.index + 1,
                      })}
                </td>
                <td className="ui-table__code" dir="ltr">
                  {p.id ?? ''}
                </td>
                <td className="ui-table__code" dir="ltr">
                  {p.field}
                </td>
                <td>{p.message}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </div>
  );
}

/** Bulk import of an export file (all or nothing) and export as JSON or CSV. */
function Transfer() {
  const t = useCaselawT();
  const describe = useErrorMessage();
  const stepUp = useStepUp();
  const queryClient = useQueryClient();
  const headingId = useId();
  const [busy, setBusy] = useState<'import' | 'json' | 'csv' | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);

  const runImport = async (files: FileList | null) => {
    const file = files?.[0];
    if (!file) return;
    setOutcome(null);
    setError(null);
    setFileName(file.name);
    if (file.size > MAX_FILE_BYTES) {
      setError(t('transfer.tooLarge'));
      return;
    }
    setBusy('import');
    try {
      const result = await importFile(await file.text(), stepUp);
      setOutcome(result);
      if (result.ok) await queryClient.invalidateQueries({ queryKey: CASELAW_QUERY_KEY });
    } catch (failure) {
      if (failure instanceof UnreadableFile) {
        setError(failure.reason === 'json' ? t('transfer.notJson') : t('transfer.notExport'));
      } else if (!(failure instanceof StepUpCancelled)) setError(describe(failure));
    } finally {
      setBusy(null);
    }
  };

  // The browser downloads the file itself, so the confirmation the API requires comes first.
  const runExport = async (format: 'json' | 'csv') => {
    setBusy(format);
    setError(null);
    try {
      await stepUp();
      const link = document.createElement('a');
      link.href = exportHref(format);
      link.download = '';
      document.body.append(link);
      link.click();
      link.remove();
    } catch (failure) {
      if (!(failure instanceof StepUpCancelled)) setError(describe(failure));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="page-section caselaw-transfer" aria-labelledby={headingId}>
      <div className="page-section__header">
        <h2 id={headingId}>{t('transfer.title')}</h2>
      </div>
      <p className="page-section__description">{t('transfer.lead')}</p>
      <div className="caselaw-transfer__actions">
        <FileTrigger
          acceptedFileTypes={['application/json', '.json']}
          onSelect={(files) => void runImport(files)}
        >
          <Button isPending={busy === 'import'}>{t('transfer.import')}</Button>
        </FileTrigger>
        <Button
          variant="secondary"
          isPending={busy === 'json'}
          onPress={() => void runExport('json')}
        >
          {t('transfer.exportJson')}
        </Button>
        <Button
          variant="secondary"
          isPending={busy === 'csv'}
          onPress={() => void runExport('csv')}
        >
          {t('transfer.exportCsv')}
        </Button>
      </div>
      <p className="caselaw-transfer__status" role="status">
        {busy === 'import' && fileName ? t('transfer.importing', { name: fileName }) : ''}
      </p>
      {error && <Alert tone="error">{error}</Alert>}
      {outcome && <ImportResult outcome={outcome} />}
    </section>
  );
}

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
