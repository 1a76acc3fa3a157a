import { useId, useState } from 'react';
import { FileTrigger } from 'react-aria-components';
import { StepUpCancelled, useErrorMessage } from '../../platform';
import { Alert, Button, DataTable } from '../../ui';
import { useStepUpDownload } from '../../webauthn';
import { exportHref, UnreadableFile, type ImportOutcome } from '../api';
import { useCaselawT } from '../i18n';
import { useImportFile } from '../queries';

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
            {outcome.problems.map((p, index) => (
              <tr key={index}>
                <td className="nowrap">
                  {t(p.section === 'topics' ? 'transfer.topicRow' : 'transfer.entryRow', {
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
export function Transfer() {
  const t = useCaselawT();
  const describe = useErrorMessage();
  const download = useStepUpDownload();
  const importer = useImportFile();
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
      setOutcome(await importer.mutateAsync(await file.text()));
    } catch (failure) {
      if (failure instanceof UnreadableFile) {
        setError(failure.reason === 'json' ? t('transfer.notJson') : t('transfer.notExport'));
      } else if (!(failure instanceof StepUpCancelled)) setError(describe(failure));
    } finally {
      setBusy(null);
    }
  };

  const runExport = async (format: 'json' | 'csv') => {
    setBusy(format);
    setError(null);
    try {
      await download(exportHref(format));
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
