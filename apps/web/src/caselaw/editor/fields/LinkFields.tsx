import type { Language } from '@coop/contracts';
import { SelectField, TextField } from '../../../ui';
import { useCaselawT } from '../../i18n';
import { rowKey, type LinkRow } from '../form-model';
import { Fieldset, LANGUAGE_OPTIONS, Rows, type GroupProps } from './parts';

/** Links to the decision and to related documents, with the language they are in if any. */
export function LinkFields({ form, update, disabled }: GroupProps) {
  const t = useCaselawT();
  return (
    <Fieldset legend={t('editor.sections.links')} description={t('editor.linksHelp')}>
      <Rows<LinkRow>
        rows={form.links}
        onChange={(links) => update({ links })}
        make={() => ({ key: rowKey(), url: '', label: '', lang: 'none' })}
        addLabel={t('editor.addLink')}
        removeLabel={(i) => t('editor.removeLink', { number: i + 1 })}
        disabled={disabled}
      >
        {(row, index, set) => (
          <div className="ui-form__row">
            <TextField
              name={`links.${index}.url`}
              type="url"
              label={t('editor.fields.linkParts.url')}
              value={row.url}
              onChange={(url) => set({ url })}
              inputDir="ltr"
              maxLength={2000}
              isRequired
              isDisabled={disabled}
            />
            <TextField
              name={`links.${index}.label`}
              inputDir="auto"
              label={t('editor.fields.linkParts.label')}
              value={row.label}
              onChange={(label) => set({ label })}
              maxLength={200}
              isRequired
              isDisabled={disabled}
            />
            <SelectField<Language | 'none'>
              name={`links.${index}.lang`}
              label={t('editor.fields.linkParts.lang')}
              options={[{ id: 'none', label: t('editor.noLanguage') }, ...LANGUAGE_OPTIONS]}
              value={row.lang}
              onChange={(lang) => set({ lang })}
            />
          </div>
        )}
      </Rows>
    </Fieldset>
  );
}
