import { TEXT_LANGUAGES } from '../../../i18n';
import { LanguageTexts } from '../../../ui';
import { useCaselawT } from '../../i18n';
import { Fieldset, type GroupProps } from './parts';

/** The title and the texts, each in every language; any one language is enough. */
export function TextFields({ form, update, disabled }: GroupProps) {
  const t = useCaselawT();
  const texts = (
    field: 'title' | 'summary' | 'holdings' | 'body',
    options: { rows?: number; maxLength: number },
  ) => (
    <LanguageTexts
      name={field}
      label={t(`editor.fields.${field}`)}
      description={field === 'title' ? undefined : t('editor.markdownHelp')}
      languages={TEXT_LANGUAGES}
      value={form[field]}
      onChange={(value) => update({ [field]: value })}
      isDisabled={disabled}
      {...options}
    />
  );
  return (
    <Fieldset legend={t('editor.sections.texts')} description={t('editor.textsHelp')}>
      {texts('title', { maxLength: 300 })}
      {form.kind === 'entry' ? (
        <>
          {texts('summary', { rows: 8, maxLength: 20_000 })}
          {texts('holdings', { rows: 6, maxLength: 20_000 })}
        </>
      ) : (
        texts('body', { rows: 14, maxLength: 40_000 })
      )}
    </Fieldset>
  );
}
