import { WebAuthnError } from '@simplewebauthn/browser';
import {
  fieldIssues,
  passkeyFailureReasons,
  type FieldIssue,
  type PasskeyFailureReason,
} from '@coop/contracts';
import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ZodError } from 'zod';
import { currentLanguage } from '../i18n';
import { ApiProblem, StepUpCancelled, UnexpectedResponse } from './api-client';

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
 * passkey confirmation). A problem is worded by the catalogue, by its code (a refused passkey
 * ceremony by its reason); only a type this version does not know is shown as the API wrote it.
 */
export function useErrorMessage(): (error: unknown) => string | null {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (error == null || error instanceof StepUpCancelled) return null;
      if (error instanceof ApiProblem) {
        const { reason } = error.problem;
        if (isPasskeyFailure(reason)) return t(`passkeyFailures.${reason}`);
        return error.code ? t(`problems.${error.code}`) : error.problem.detail;
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

/** A failing field as the API's answer carries it (its `params` unchecked) or a form's check. */
type FieldText = Pick<FieldIssue, 'code' | 'message'> & {
  params?: Readonly<Record<string, unknown>>;
};
export type FieldFailure = FieldText & { field: string };

const numberParam = (value: unknown): number => (typeof value === 'number' ? value : 0);
const COUNTED = new Set(['array', 'set']);
const TEXT = new Set(['string']);

function boundText(t: TFunction, issue: FieldText, bound: 'minimum' | 'maximum'): string {
  const value = numberParam(issue.params?.[bound]);
  const origin = String(issue.params?.origin);
  if (bound === 'minimum') {
    if (TEXT.has(origin))
      return value <= 1 ? t('common.required') : t('validation.tooShort', { minimum: value });
    if (COUNTED.has(origin))
      return value <= 1 ? t('validation.chooseOne') : t('validation.tooFew', { minimum: value });
    return t('validation.tooLow', { minimum: value });
  }
  if (TEXT.has(origin)) return t('validation.tooLong', { maximum: value });
  if (COUNTED.has(origin)) return t('validation.tooMany', { maximum: value });
  return t('validation.tooHigh', { maximum: value });
}

/**
 * A failing field's sentence from the catalogue, chosen by its issue code (zod's, a contract
 * refinement's or a service's). An item without a code is shown as the API wrote it in English.
 */
export function fieldMessage(t: TFunction, issue: FieldText): string {
  switch (issue.code) {
    case undefined:
      return currentLanguage() === 'en' ? issue.message : t('validation.invalid');
    case 'too_small':
      return boundText(t, issue, 'minimum');
    case 'too_big':
      return boundText(t, issue, 'maximum');
    case 'invalid_format':
      if (issue.params?.format === 'email') return t('validation.email');
      if (issue.params?.format === 'date') return t('validation.date');
      return t('validation.format');
    // A form sends every field it shows with the right type, so a wrong type is a missing one.
    case 'invalid_type':
      return t('common.required');
    case 'invalid_value':
      return t('validation.option');
    case 'not_multiple_of':
      return t('validation.multipleOf', { divisor: numberParam(issue.params?.divisor) });
    case 'unrecognized_keys':
      return t('validation.unknownField');
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
    case 'custom':
      return t('validation.invalid');
    default:
      return t(`validation.${issue.code}`);
  }
}

/** `fieldMessage` in the interface language, for forms that key their own messages. */
export function useFieldMessage(): (issue: FieldText) => string {
  const { t } = useTranslation();
  return useCallback((issue: FieldText) => fieldMessage(t, issue), [t]);
}

/** Per-field sentences keyed by the field's path (`names.fr`) and by its top-level name (`names`). */
function byField(t: TFunction, issues: readonly FieldFailure[]): Record<string, string> {
  const errors: Record<string, string> = {};
  const add = (key: string, message: string) => {
    if (errors[key]?.split('; ').includes(message)) return;
    errors[key] = errors[key] ? `${errors[key]}; ${message}` : message;
  };
  for (const issue of issues) {
    const message = fieldMessage(t, issue);
    add(issue.field, message);
    const top = issue.field.split('.')[0];
    if (top !== issue.field) add(top, message);
  }
  return errors;
}

/** The API's per-field messages of a 422 for react-aria forms, in the interface language. */
export function fieldErrors(error: unknown, t: TFunction): Record<string, string> {
  if (!(error instanceof ApiProblem) || !error.problem.errors) return {};
  return byField(t, error.problem.errors);
}

/** A form's own check against a contract schema, worded as the API's answer would be. */
export function zodFieldErrors(error: ZodError, t: TFunction): Record<string, string> {
  return byField(t, fieldIssues(error));
}
