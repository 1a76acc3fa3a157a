import { useState } from 'react';
import { StepUpCancelled, useErrorMessage } from '../platform';
import { useStepUpDownload } from '../webauthn';
import { auditExportHref, type AuditFilter } from './api';

/** Downloads the log as filtered, after the passkey confirmation the API asks for. */
export function useExport() {
  const download = useStepUpDownload();
  const describe = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const start = async (filter: AuditFilter) => {
    setBusy(true);
    setError(null);
    try {
      await download(auditExportHref(filter));
    } catch (failure) {
      if (!(failure instanceof StepUpCancelled)) setError(describe(failure));
    } finally {
      setBusy(false);
    }
  };
  return { start, busy, error };
}
