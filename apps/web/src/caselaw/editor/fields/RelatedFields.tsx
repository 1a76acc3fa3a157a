import type { EditorEntrySummary } from '@coop/contracts';
import { useState } from 'react';
import { Button, SelectField } from '../../../ui';
import { interfaceLanguage, useCaselawT } from '../../i18n';
import { pick } from '../../labels';
import { Fieldset, type GroupProps } from './parts';

/** Other entries readers should see with this one, chosen among every entry but itself. */
export function RelatedFields({
  form,
  update,
  disabled,
  entries,
  selfId,
}: GroupProps & { entries: EditorEntrySummary[]; selfId: string }) {
  const t = useCaselawT();
  const ui = interfaceLanguage();
  const [choice, setChoice] = useState<string | null>(null);
  const titleOf = (entry: EditorEntrySummary) => {
    const title = pick(entry.title, ui)?.value ?? entry.id;
    return entry.documentNumbers.length ? `${title} (${entry.documentNumbers.join(', ')})` : title;
  };
  const candidates = entries.filter((e) => e.id !== selfId && !form.related.includes(e.id));
  return (
    <Fieldset legend={t('editor.sections.related')}>
      {form.related.length > 0 && (
        <ul className="caselaw-related-edit">
          {form.related.map((id, index) => {
            const known = entries.find((e) => e.id === id);
            return (
              <li key={id}>
                <span>{known ? titleOf(known) : id}</span>
                <Button
                  variant="secondary"
                  size="small"
                  isDisabled={disabled}
                  onPress={() => update({ related: form.related.filter((r) => r !== id) })}
                >
                  {t('editor.removeRelated', { number: index + 1 })}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="caselaw-related-add">
        <SelectField<string>
          label={t('editor.relatedChoose')}
          placeholder={t('editor.choose')}
          options={candidates.map((e) => ({ id: e.id, label: titleOf(e) }))}
          value={choice}
          onChange={setChoice}
        />
        <Button
          variant="secondary"
          size="small"
          isDisabled={disabled || !choice}
          onPress={() => {
            if (choice) update({ related: [...form.related, choice] });
            setChoice(null);
          }}
        >
          {t('editor.addRelated')}
        </Button>
      </div>
    </Fieldset>
  );
}
