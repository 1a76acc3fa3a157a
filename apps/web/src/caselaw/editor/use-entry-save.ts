import type { EditorEntry } from '@coop/contracts';
import { useMemo, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ApiProblem, useErrorMessage, useFieldMessage, type FieldFailure } from '../../platform';
import { formOf, formPath, validate, type EntryForm } from './form-model';
import { useCreateEntry, useUpdateEntry } from '../queries';

/** The API's failing fields of a 422, named like the form's fields. */
const serverIssues = (error: unknown): FieldFailure[] =>
  error instanceof ApiProblem
    ? (error.problem.errors ?? []).map((issue) => ({ ...issue, field: formPath(issue.field) }))
    : [];

/** One sentence per field path, in the interface language. */
function keyed(
  issues: FieldFailure[],
  say: (issue: FieldFailure) => string,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const message = say(issue);
    errors[issue.field] = errors[issue.field] ? `${errors[issue.field]}; ${message}` : message;
  }
  return errors;
}

/**
 * Saving the form: checked against the contract first, then created (a new entry's page moves
 * to its address) or stored as a new revision, after which the form restarts from what the API
 * stored. Kept by the editor rather than its edit tab, so the note and messages outlive a visit
 * to the preview.
 */
export function useEntrySave({
  entry,
  id,
  form,
  onStored,
}: {
  entry: EditorEntry | null;
  id: string;
  form: EntryForm;
  onStored: (stored: EntryForm) => void;
}) {
  const describe = useErrorMessage();
  const say = useFieldMessage();
  const navigate = useNavigate();
  const [note, setNote] = useState('');
  const [checked, setChecked] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<number | null>(null);
  const create = useCreateEntry();
  const update = useUpdateEntry(id);
  const save = entry ? update : create;

  const errors = useMemo(
    () => ({ ...keyed(serverIssues(save.error), say), ...checked }),
    [save.error, checked, say],
  );
  const stale = save.error instanceof ApiProblem && save.error.code === 'stale-revision';
  const saveError = serverIssues(save.error).length > 0 ? null : describe(save.error);

  /** Sends the form; false when the form's own check refused it (nothing was sent). */
  const submit = (event: FormEvent<HTMLFormElement>): boolean => {
    event.preventDefault();
    setSaved(null);
    const result = validate(form);
    if (!result.ok) {
      setChecked(keyed(result.issues, say));
      save.reset();
      return false;
    }
    setChecked({});
    const trimmedNote = note.trim() || undefined;
    if (!entry) {
      create.mutate(
        { id, content: result.content, note: trimmedNote },
        {
          onSuccess: (created) =>
            void navigate(`/caselaw/editor/${encodeURIComponent(created.id)}`, {
              replace: true,
              state: { created: true },
            }),
        },
      );
      return true;
    }
    update.mutate(
      { baseRevision: entry.revision, content: result.content, note: trimmedNote },
      {
        onSuccess: (next) => {
          // The form restarts from what the API stored (trimmed, normalised).
          onStored(formOf(next.content));
          setNote('');
          setSaved(next.revision);
        },
      },
    );
    return true;
  };

  return {
    note,
    setNote,
    errors,
    stale,
    saveError: stale ? null : saveError,
    saved,
    clearSaved: () => setSaved(null),
    pending: save.isPending,
    submit,
  };
}

export type EntrySave = ReturnType<typeof useEntrySave>;
