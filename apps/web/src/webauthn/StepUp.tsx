import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem, setStepUpHandler, StepUpCancelled, useErrorMessage } from '../platform';
import { Alert, Button, ModalDialog } from '../ui';
import { confirmWithPasskey } from './passkey-ceremonies';

const StepUpContext = createContext<() => Promise<void>>(() =>
  Promise.reject(new Error('StepUpProvider is missing')),
);

/**
 * Asks for a passkey confirmation up front, for actions the API client cannot retry itself
 * (a download the browser fetches). Rejects with StepUpCancelled if the user declines.
 */
export function useStepUp(): () => Promise<void> {
  return useContext(StepUpContext);
}

interface Pending {
  promise: Promise<void>;
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * Answers the API's "step-up required" for every screen: asks the user to confirm with their
 * passkey, runs the ceremony, and lets the API client retry the refused request once. Requests
 * refused while the dialog is open wait for the same confirmation.
 */
export function StepUpProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const pending = useRef<Pending | null>(null);
  const [isOpen, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const ask = useCallback(() => {
    if (pending.current) return pending.current.promise;
    let resolve: () => void = () => undefined;
    let reject: (error: Error) => void = () => undefined;
    const promise = new Promise<void>((ok, fail) => {
      resolve = ok;
      reject = fail;
    });
    pending.current = { promise, resolve, reject };
    setError(null);
    setOpen(true);
    return promise;
  }, []);

  useEffect(() => {
    setStepUpHandler(ask);
    return () => setStepUpHandler(undefined);
  }, [ask]);

  const finish = (outcome: 'confirmed' | 'cancelled') => {
    const current = pending.current;
    pending.current = null;
    setOpen(false);
    if (outcome === 'confirmed') current?.resolve();
    else current?.reject(new StepUpCancelled());
  };

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await confirmWithPasskey();
      finish('confirmed');
    } catch (failure) {
      // The session itself is gone: the app is on its way to the sign-in page.
      if (failure instanceof ApiProblem && failure.code === 'unauthenticated') finish('cancelled');
      else setError(describe(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <StepUpContext.Provider value={ask}>
      {children}
      <ModalDialog
        title={t('stepUp.title')}
        isOpen={isOpen}
        isDismissable={!busy}
        onOpenChange={(open) => {
          if (!open) finish('cancelled');
        }}
      >
        <p>{t('stepUp.body')}</p>
        {error && <Alert tone="error">{error}</Alert>}
        <div className="ui-dialog__actions">
          <Button variant="secondary" isDisabled={busy} onPress={() => finish('cancelled')}>
            {t('common.cancel')}
          </Button>
          <Button autoFocus isPending={busy} onPress={() => void confirm()}>
            {busy ? t('stepUp.confirming') : t('stepUp.confirm')}
          </Button>
        </div>
      </ModalDialog>
    </StepUpContext.Provider>
  );
}

/**
 * Downloads what `href` serves after a fresh passkey confirmation. The browser fetches the file
 * itself (it may be large), so the confirmation the API requires is obtained first rather than
 * on a refusal. Rejects with StepUpCancelled when the person cancels.
 */
export function useStepUpDownload(): (href: string) => Promise<void> {
  const stepUp = useStepUp();
  return async (href) => {
    await stepUp();
    const link = document.createElement('a');
    link.href = href;
    link.download = '';
    document.body.append(link);
    link.click();
    link.remove();
  };
}
