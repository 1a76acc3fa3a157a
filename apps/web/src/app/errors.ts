import { WebAuthnError } from '@simplewebauthn/browser';
import { passkeyFailureReasons, type PasskeyFailureReason } from '@coop/contracts';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import { ApiProblem, StepUpCancelled, UnexpectedResponse } from './api-client';

/** Problem types whose sentence we translate; for others the API's own sentence is shown. */
const TRANSLATED_PROBLEMS = [
  'unauthenticated',
  'step-up-required',
  'invitation-invalid',
  'last-passkey',
  'two-person-rule',
  'challenge-invalid',
  'unknown-passkey',
  'webauthn-failed',
  'csrf',
  'too-many-requests',
  'forbidden',
  'validation',
] as const;
type TranslatedProblem = (typeof TRANSLATED_PROBLEMS)[number];

const isTranslated = (code: string): code is TranslatedProblem =>
  (TRANSLATED_PROBLEMS as readonly string[]).includes(code);

const isPasskeyFailure = (reason: unknown): reason is PasskeyFailureReason =>
  (passkeyFailureReasons as readonly unknown[]).includes(reason);

function browserErrorName(error: unknown): string | undefined {
  if (error instanceof WebAuthnError) {
    if (error.code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED') return 'InvalidStateError';
    if (error.code === 'ERROR_CEREMONY_ABORTED') return 'AbortError';
    return error.cause instanceof Error ? error.cause.name : error.name;
  }
  return error instanceof DOMException ? error.name : undefined;
}

/**
 * A sentence to show for a failure, or null when there is nothing to say (the user cancelled a
 * passkey confirmation). The API writes its sentences in English; in the other languages the
 * problems we know are translated, and any other is shown as the API wrote it.
 */
export function useErrorMessage(): (error: unknown) => string | null {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (error == null || error instanceof StepUpCancelled) return null;
      if (error instanceof ApiProblem) {
        if (currentLanguage() !== 'en') {
          const { reason } = error.problem;
          if (isPasskeyFailure(reason)) return t(`passkeyFailures.${reason}`);
          if (isTranslated(error.code)) return t(`problems.${error.code}`);
        }
        return error.problem.detail;
      }
      if (error instanceof UnexpectedResponse) return t('errors.unexpected');
      switch (browserErrorName(error)) {
        case 'NotAllowedError':
        case 'AbortError':
          return t('passkey.errors.cancelled');
        case 'InvalidStateError':
          return t('passkey.errors.alreadyRegistered');
        case 'SecurityError':
          return t('passkey.errors.insecure');
        case 'NotSupportedError':
          return t('passkey.errors.unsupported');
        default:
          break;
      }
      if (error instanceof WebAuthnError) return t('passkey.errors.failed');
      // fetch rejects with a TypeError when no answer arrives at all.
      if (error instanceof TypeError) return t('errors.network');
      return t('errors.unexpected');
    },
    [t],
  );
}

/**
 * The API's per-field messages of a 422 for react-aria forms, keyed by the field's path
 * (`names.fr`) and by its top-level name (`names`), so either kind of field shows them.
 */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiProblem) || !error.problem.errors) return {};
  const errors: Record<string, string> = {};
  const add = (key: string, message: string) => {
    errors[key] = errors[key] ? `${errors[key]}; ${message}` : message;
  };
  for (const { field, message } of error.problem.errors) {
    add(field, message);
    const top = field.split('.')[0];
    if (top !== field) add(top, message);
  }
  return errors;
}
