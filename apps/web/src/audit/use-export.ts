import { useState } from 'react';
import { StepUpCancelled, useErrorMessage } from '../platform';
import { useStepUp } from '../webauthn';
import { auditExportHref, type AuditFilter } from './api';

/** Downloads the log as filtered, after the passkey confirmation the API asks for. */
export function useExport() {
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
      link.href = auditExportHref(filter);
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
