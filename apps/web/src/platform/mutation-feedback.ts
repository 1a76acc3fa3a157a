import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, useErrorMessage } from './errors';

const NONE: Record<string, string> = {};

/**
 * What a form dialog shows of its submission: whether it is pending, one sentence for a failure
 * as a whole, and the API's 422 by field under the form's own checks (`checked`), which win.
 * The field messages are one stable object per failure, because react-aria shows them again
 * whenever it receives a new one. Spread into a FormDialog.
 */
export function useMutationFeedback(
  mutation: { error: unknown; isPending: boolean },
  checked: Record<string, string> = NONE,
): { isPending: boolean; error: string | null; fieldErrors: Record<string, string> } {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const { error, isPending } = mutation;
  const server = useMemo(() => fieldErrors(error, t), [error, t]);
  const fields = useMemo(
    () => (checked === NONE ? server : { ...server, ...checked }),
    [server, checked],
  );
  return { isPending, error: describe(error), fieldErrors: fields };
}
