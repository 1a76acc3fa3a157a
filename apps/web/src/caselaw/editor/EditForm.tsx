import type { EditorEntry, EditorEntrySummary, Topic } from '@coop/contracts';
import { useRef } from 'react';
import { Form } from 'react-aria-components';
import { Alert, Button, TextField } from '../../ui';
import { useCaselawT } from '../i18n';
import { EntryFields } from './EntryFields';
import { ErrorSummary } from './ErrorSummary';
import type { EntryForm } from './form-model';
import type { EntrySave } from './use-entry-save';

/** The edit tab: every field, the revision note, and saving. */
export function EditForm({
  entry,
  id,
  form,
  onChange,
  dirty,
  save,
  topics,
  entries,
}: {
  entry: EditorEntry | null;
  id: string;
  form: EntryForm;
  onChange: (form: EntryForm) => void;
  dirty: boolean;
  save: EntrySave;
  topics: Topic[];
  entries: EditorEntrySummary[];
}) {
  const t = useCaselawT();
  const inReview = entry?.status === 'in_review';
  const summaryRef = useRef<HTMLDivElement>(null);
  return (
    <Form
      className="ui-form caselaw-editor-form"
      validationBehavior="aria"
      validationErrors={save.errors}
      onSubmit={(event) => {
        // The summary names every problem, those of fields out of sight included.
        if (!save.submit(event)) requestAnimationFrame(() => summaryRef.current?.focus());
      }}
    >
      <div ref={summaryRef} tabIndex={-1} className="caselaw-error-summary">
        <ErrorSummary errors={save.errors} />
      </div>
      {inReview && <Alert tone="info">{t('workflow.inReviewHint')}</Alert>}
      <EntryFields
        form={form}
        onChange={(next) => {
          save.clearSaved();
          onChange(next);
        }}
        topics={topics}
        entries={entries}
        disabled={inReview}
        selfId={id}
      />
      <TextField
        name="note"
        label={t('editor.note')}
        description={t('editor.noteHelp')}
        value={save.note}
        onChange={save.setNote}
        maxLength={500}
        isDisabled={inReview}
      />
      {save.stale && (
        <Alert tone="error">
          <p>{t('editor.stale')}</p>
        </Alert>
      )}
      {save.saveError && <Alert tone="error">{save.saveError}</Alert>}
      {save.saved !== null && (
        <Alert tone="success">{t('editor.saved', { number: save.saved })}</Alert>
      )}
      <div className="ui-form__actions">
        {dirty && <span className="caselaw-unsaved">{t('editor.unsaved')}</span>}
        <Button type="submit" isPending={save.pending} isDisabled={inReview}>
          {entry ? t('editor.save') : t('editor.createDraft')}
        </Button>
      </div>
    </Form>
  );
}
