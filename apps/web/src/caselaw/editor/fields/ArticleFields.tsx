import { INSTRUMENTS, type Instrument } from '@coop/contracts';
import { SelectField, TextField } from '../../../ui';
import { useCaselawT } from '../../i18n';
import { rowKey, type ArticleRow } from '../form-model';
import { Fieldset, Rows, type GroupProps } from './parts';

/** The articles of the Statute or the Rules an entry concerns. */
export function ArticleFields({ form, update, disabled }: GroupProps) {
  const t = useCaselawT();
  return (
    <Fieldset legend={t('editor.sections.articles')} description={t('editor.articlesHelp')}>
      <Rows<ArticleRow>
        rows={form.articles}
        onChange={(articles) => update({ articles })}
        make={() => ({
          key: rowKey(),
          instrument: 'statute',
          article: '',
          paragraph: '',
          subparagraph: '',
          point: '',
        })}
        addLabel={t('editor.addArticle')}
        removeLabel={(i) => t('editor.removeArticle', { number: i + 1 })}
        disabled={disabled}
      >
        {(row, index, set) => (
          <div className="caselaw-article-row">
            <SelectField<Instrument>
              name={`articles.${index}.instrument`}
              label={t('editor.fields.articleParts.instrument')}
              options={INSTRUMENTS.map((i) => ({ id: i, label: t(`editor.instruments.${i}`) }))}
              value={row.instrument}
              onChange={(instrument) => set({ instrument })}
            />
            {(['article', 'paragraph', 'subparagraph', 'point'] as const).map((part) => (
              <TextField
                key={part}
                name={`articles.${index}.${part}`}
                label={t(`editor.fields.articleParts.${part}`)}
                value={row[part]}
                onChange={(value) => set({ [part]: value })}
                inputDir="ltr"
                maxLength={12}
                isRequired={part === 'article'}
                isDisabled={disabled}
              />
            ))}
          </div>
        )}
      </Rows>
    </Fieldset>
  );
}
