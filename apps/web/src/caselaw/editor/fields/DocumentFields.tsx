import { CHAMBERS, DOCUMENT_TYPES, type Chamber, type DocumentType } from '@coop/contracts';
import { SelectField, TextField } from '../../../ui';
import { interfaceLanguage, useCaselawT } from '../../i18n';
import { chamberName, documentTypeName } from '../../labels';
import { rowKey } from '../form-model';
import { Fieldset, Rows, type GroupProps } from './parts';

/** The decision an entry reports: its document numbers, chamber, date, type and case. */
export function DocumentFields({ form, update, disabled }: GroupProps) {
  const t = useCaselawT();
  const ui = interfaceLanguage();
  return (
    <Fieldset legend={t('editor.sections.document')}>
      <Rows
        rows={form.documentNumbers}
        onChange={(documentNumbers) => update({ documentNumbers })}
        make={() => ({ key: rowKey(), value: '' })}
        addLabel={t('editor.addDocumentNumber')}
        removeLabel={(i) => t('editor.removeDocumentNumber', { number: i + 1 })}
        disabled={disabled}
      >
        {(row, index, set) => (
          <TextField
            name={`documentNumbers.${index}`}
            label={`${t('editor.fields.documentNumber')} ${index + 1}`}
            description={index === 0 ? t('editor.documentNumberHelp') : undefined}
            value={row.value}
            onChange={(value) => set({ value })}
            inputDir="ltr"
            maxLength={60}
            isDisabled={disabled}
          />
        )}
      </Rows>
      <div className="ui-form__row">
        <SelectField<Chamber>
          name="chamber"
          label={t('editor.fields.chamber')}
          placeholder={t('editor.choose')}
          options={CHAMBERS.map((c) => ({ id: c, label: chamberName(c, ui) }))}
          value={form.chamber}
          onChange={(chamber) => update({ chamber })}
          isRequired
        />
        <TextField
          name="date"
          type="date"
          label={t('editor.fields.date')}
          value={form.date}
          onChange={(date) => update({ date })}
          inputDir="ltr"
          isRequired
          isDisabled={disabled}
        />
        <SelectField<DocumentType>
          name="documentType"
          label={t('editor.fields.documentType')}
          placeholder={t('editor.choose')}
          options={DOCUMENT_TYPES.map((d) => ({ id: d, label: documentTypeName(d, ui) }))}
          value={form.documentType}
          onChange={(documentType) => update({ documentType })}
          isRequired
        />
      </div>
      <div className="ui-form__row">
        <TextField
          name="situation"
          inputDir="auto"
          label={t('editor.fields.situation')}
          value={form.situation}
          onChange={(situation) => update({ situation })}
          maxLength={200}
          isDisabled={disabled}
        />
        <TextField
          name="caseName"
          inputDir="auto"
          label={t('editor.fields.caseName')}
          value={form.caseName}
          onChange={(caseName) => update({ caseName })}
          maxLength={200}
          isDisabled={disabled}
        />
      </div>
    </Fieldset>
  );
}
