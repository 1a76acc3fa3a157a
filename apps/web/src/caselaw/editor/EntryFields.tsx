import type { EditorEntrySummary, Topic } from '@coop/contracts';
import { useCaselawT } from '../i18n';
import { ArticleFields } from './fields/ArticleFields';
import { DocumentFields } from './fields/DocumentFields';
import { LinkFields } from './fields/LinkFields';
import { QuoteFields } from './fields/QuoteFields';
import { RelatedFields } from './fields/RelatedFields';
import { SourceFields } from './fields/SourceFields';
import { TextFields } from './fields/TextFields';
import { TopicFields } from './fields/TopicFields';
import type { EntryForm } from './form-model';

/** Every field of an entry or an explainer, group by group. */
export function EntryFields({
  form,
  onChange,
  topics,
  entries,
  disabled,
  selfId,
}: {
  form: EntryForm;
  onChange: (form: EntryForm) => void;
  topics: Topic[];
  entries: EditorEntrySummary[];
  disabled: boolean;
  selfId: string;
}) {
  const t = useCaselawT();
  const group = {
    form,
    update: (change: Partial<EntryForm>) => onChange({ ...form, ...change }),
    disabled,
  };
  return (
    // A disabled fieldset disables every control inside, select buttons included.
    <fieldset className="caselaw-form ui-fieldset" disabled={disabled}>
      <legend className="visually-hidden">{t('editor.sections.all')}</legend>
      <TextFields {...group} />
      {form.kind === 'entry' && <DocumentFields {...group} />}
      <ArticleFields {...group} />
      <TopicFields {...group} topics={topics} />
      <QuoteFields {...group} />
      <LinkFields {...group} />
      <RelatedFields {...group} entries={entries} selfId={selfId} />
      <SourceFields {...group} />
    </fieldset>
  );
}
