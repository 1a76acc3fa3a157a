import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, useErrorMessage } from './errors';

const NONE: Record<string, string> = {};

/**
 * What a form shows when its submission failed: one sentence for the whole, and the API's 422
 * by field under the form's own checks (`checked`), which win. The field messages are one stable
 * object per failure, because react-aria shows them again whenever it receives a new one.
 */
export function useMutationErrors(
  error: unknown,
  checked: Record<string, string> = NONE,
): { message: string | null; fields: Record<string, string> } {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const server = useMemo(() => fieldErrors(error, t), [error, t]);
  const fields = useMemo(
    () => (checked === NONE ? server : { ...server, ...checked }),
    [server, checked],
  );
  return { message: describe(error), fields };
}
