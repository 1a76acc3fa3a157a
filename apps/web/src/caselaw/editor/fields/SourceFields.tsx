import { TextField } from '../../../ui';
import { useCaselawT } from '../../i18n';
import { Fieldset, type GroupProps } from './parts';

/** Where the text comes from; an entry must name it, an explainer may. */
export function SourceFields({ form, update, disabled }: GroupProps) {
  const t = useCaselawT();
  return (
    <Fieldset legend={t('editor.sections.source')} description={t('editor.sourceHelp')}>
      <TextField
        name="source.title"
        inputDir="auto"
        label={t('editor.fields.sourceParts.title')}
        value={form.sourceTitle}
        onChange={(sourceTitle) => update({ sourceTitle })}
        maxLength={500}
        isRequired={form.kind === 'entry'}
        isDisabled={disabled}
      />
      <div className="ui-form__row">
        <TextField
          name="source.locator"
          inputDir="auto"
          label={t('editor.fields.sourceParts.locator')}
          value={form.sourceLocator}
          onChange={(sourceLocator) => update({ sourceLocator })}
          maxLength={200}
          isDisabled={disabled}
        />
        <TextField
          name="source.url"
          type="url"
          label={t('editor.fields.sourceParts.url')}
          value={form.sourceUrl}
          onChange={(sourceUrl) => update({ sourceUrl })}
          inputDir="ltr"
          maxLength={2000}
          isDisabled={disabled}
        />
      </div>
    </Fieldset>
  );
}
