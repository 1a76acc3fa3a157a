import type { Language } from '@coop/contracts';
import { SelectField, TextField } from '../../../ui';
import { interfaceLanguage, useCaselawT } from '../../i18n';
import { rowKey, type QuoteRow } from '../form-model';
import { TextAreaField } from '../TextAreaField';
import { Fieldset, LANGUAGE_OPTIONS, Rows, type GroupProps } from './parts';

/** Quotations from the decision, each in the language it was written in. */
export function QuoteFields({ form, update, disabled }: GroupProps) {
  const t = useCaselawT();
  const ui = interfaceLanguage();
  return (
    <Fieldset legend={t('editor.sections.quotes')}>
      <Rows<QuoteRow>
        rows={form.quotes}
        onChange={(quotes) => update({ quotes })}
        make={() => ({ key: rowKey(), paragraph: '', lang: ui, text: '', source: '' })}
        addLabel={t('editor.addQuote')}
        removeLabel={(i) => t('editor.removeQuote', { number: i + 1 })}
        disabled={disabled}
      >
        {(row, index, set) => (
          <>
            <div className="ui-form__row">
              <TextField
                name={`quotes.${index}.paragraph`}
                inputDir="auto"
                label={t('editor.fields.quoteParts.paragraph')}
                value={row.paragraph}
                onChange={(paragraph) => set({ paragraph })}
                maxLength={20}
                isRequired
                isDisabled={disabled}
              />
              <SelectField<Language>
                name={`quotes.${index}.lang`}
                label={t('editor.fields.quoteParts.lang')}
                options={LANGUAGE_OPTIONS}
                value={row.lang}
                onChange={(lang) => set({ lang })}
              />
              <TextField
                name={`quotes.${index}.source`}
                inputDir="auto"
                label={t('editor.fields.quoteParts.source')}
                value={row.source}
                onChange={(source) => set({ source })}
                maxLength={300}
                isDisabled={disabled}
              />
            </div>
            <TextAreaField
              name={`quotes.${index}.text`}
              label={t('editor.fields.quoteParts.text')}
              lang={row.lang}
              value={row.text}
              onChange={(text) => set({ text })}
              maxLength={4000}
              rows={4}
              isRequired
              isDisabled={disabled}
            />
          </>
        )}
      </Rows>
    </Fieldset>
  );
}
