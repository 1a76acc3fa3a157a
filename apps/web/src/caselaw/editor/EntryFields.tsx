import {
  CHAMBERS,
  DOCUMENT_TYPES,
  INSTRUMENTS,
  type Chamber,
  type DocumentType,
  type EditorEntrySummary,
  type Instrument,
  type Language,
  type Topic,
} from '@coop/contracts';
import { useState, type ReactNode } from 'react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { Button, CheckboxGroup, SelectField, TextField } from '../../ui';
import { interfaceLanguage, useCaselawT, type Translate } from '../i18n';
import {
  chamberName,
  CONTENT_LANGUAGES,
  documentTypeName,
  isContentLanguage,
  NATIVE_NAMES,
  pick,
} from '../labels';
import {
  rowKey,
  type ArticleRow,
  type EntryForm,
  type LinkRow,
  type PerLanguage,
  type QuoteRow,
} from './form-model';
import { LineField, TextAreaField } from './TextAreaField';
import { TopicDialog } from './TopicDialog';

function Fieldset({
  legend,
  description,
  children,
}: {
  legend: string;
  description?: string;
  children: ReactNode;
}) {
  return (
    <fieldset className="caselaw-fieldset ui-fieldset">
      <legend>{legend}</legend>
      {description && <p className="caselaw-fieldset__description">{description}</p>}
      {children}
    </fieldset>
  );
}

/** A readable name for a field path of the form or of the API's 422 (`quotes.1.text`). */
export function fieldLabel(t: Translate, path: string): string {
  const [head, second, third] = path.split('.');
  const language = (code: string | undefined) =>
    isContentLanguage(code) ? ` (${NATIVE_NAMES[code]})` : '';
  const row = (code: string | undefined) =>
    code !== undefined && /^\d+$/.test(code) ? ` ${Number(code) + 1}` : '';
  switch (head) {
    case 'title':
    case 'summary':
    case 'holdings':
    case 'body':
      return `${t(`editor.fields.${head}`)}${language(second)}`;
    case 'documentNumbers':
      return second === undefined
        ? t('editor.fields.documentNumbers')
        : `${t('editor.fields.documentNumber')}${row(second)}`;
    case 'articles':
      if (second === undefined) return t('editor.sections.articles');
      return `${t('editor.fields.article')}${row(second)}${third ? ` · ${t(`editor.fields.articleParts.${third as ArticlePart}`)}` : ''}`;
    case 'quotes':
      if (second === undefined) return t('editor.sections.quotes');
      return `${t('editor.fields.quote')}${row(second)}${third ? ` · ${t(`editor.fields.quoteParts.${third as QuotePart}`)}` : ''}`;
    case 'links':
      if (second === undefined) return t('editor.sections.links');
      return `${t('editor.fields.link')}${row(second)}${third ? ` · ${t(`editor.fields.linkParts.${third as LinkPart}`)}` : ''}`;
    case 'related':
      if (second === undefined) return t('editor.sections.related');
      return `${t('editor.fields.related')}${row(second)}`;
    case 'topics':
      return t('editor.fields.topics');
    case 'source':
      return `${t('editor.fields.source')}${second ? ` · ${t(`editor.fields.sourceParts.${second as SourcePart}`)}` : ''}`;
    case 'chamber':
    case 'date':
    case 'situation':
    case 'caseName':
    case 'documentType':
      return t(`editor.fields.${head}`);
    default:
      return path;
  }
}
type ArticlePart = 'instrument' | 'article' | 'paragraph' | 'subparagraph' | 'point';
type QuotePart = 'paragraph' | 'lang' | 'text' | 'source';
type LinkPart = 'url' | 'label' | 'lang';
type SourcePart = 'title' | 'locator' | 'url';

function hasText(form: EntryForm, l: Language): boolean {
  return [form.title[l], form.summary[l], form.holdings[l], form.body[l]].some(
    (s) => s.trim() !== '',
  );
}

function LanguageTexts({
  form,
  update,
  disabled,
  errors,
}: {
  form: EntryForm;
  update: (change: Partial<EntryForm>) => void;
  disabled: boolean;
  errors: Record<string, string>;
}) {
  const t = useCaselawT();
  const [tab, setTab] = useState<Language>(interfaceLanguage());
  const setText = (field: 'title' | 'summary' | 'holdings' | 'body', l: Language) => (v: string) =>
    update({ [field]: { ...form[field], [l]: v } as PerLanguage });
  const hasError = (l: Language) =>
    Object.keys(errors).some((path) =>
      new RegExp(`^(title|summary|holdings|body)\\.${l}$`).test(path),
    );
  return (
    <Fieldset legend={t('editor.sections.texts')} description={t('editor.textsHelp')}>
      <Tabs
        className="caselaw-tabs"
        selectedKey={tab}
        onSelectionChange={(key) => {
          if (isContentLanguage(key)) setTab(key);
        }}
      >
        <TabList className="caselaw-tabs__list" aria-label={t('editor.textLanguages')}>
          {CONTENT_LANGUAGES.map((l) => (
            <Tab key={l} id={l} className="caselaw-tabs__tab">
              <span lang={l}>{NATIVE_NAMES[l]}</span>
              <span className="caselaw-tabs__state">
                {' '}
                (
                {hasError(l)
                  ? t('editor.tabError')
                  : hasText(form, l)
                    ? t('editor.tabFilled')
                    : t('editor.tabEmpty')}
                )
              </span>
            </Tab>
          ))}
        </TabList>
        {CONTENT_LANGUAGES.map((l) => (
          <TabPanel
            key={l}
            id={l}
            className="caselaw-tabs__panel caselaw-form__texts"
            shouldForceMount
          >
            <LineField
              name={`title.${l}`}
              label={`${t('editor.fields.title')} (${NATIVE_NAMES[l]})`}
              lang={l}
              value={form.title[l]}
              onChange={setText('title', l)}
              maxLength={300}
              isDisabled={disabled}
            />
            {form.kind === 'entry' ? (
              <>
                <TextAreaField
                  name={`summary.${l}`}
                  label={`${t('editor.fields.summary')} (${NATIVE_NAMES[l]})`}
                  description={t('editor.markdownHelp')}
                  lang={l}
                  value={form.summary[l]}
                  onChange={setText('summary', l)}
                  maxLength={20_000}
                  rows={8}
                  isDisabled={disabled}
                />
                <TextAreaField
                  name={`holdings.${l}`}
                  label={`${t('editor.fields.holdings')} (${NATIVE_NAMES[l]})`}
                  description={t('editor.markdownHelp')}
                  lang={l}
                  value={form.holdings[l]}
                  onChange={setText('holdings', l)}
                  maxLength={20_000}
                  rows={6}
                  isDisabled={disabled}
                />
              </>
            ) : (
              <TextAreaField
                name={`body.${l}`}
                label={`${t('editor.fields.body')} (${NATIVE_NAMES[l]})`}
                description={t('editor.markdownHelp')}
                lang={l}
                value={form.body[l]}
                onChange={setText('body', l)}
                maxLength={40_000}
                rows={14}
                isDisabled={disabled}
              />
            )}
          </TabPanel>
        ))}
      </Tabs>
    </Fieldset>
  );
}

/** Rows that can be added and removed; the remove button names the row it removes. */
function Rows<T extends { key: string }>({
  rows,
  onChange,
  make,
  addLabel,
  removeLabel,
  disabled,
  children,
}: {
  rows: T[];
  onChange: (rows: T[]) => void;
  make: () => T;
  addLabel: string;
  removeLabel: (index: number) => string;
  disabled: boolean;
  children: (row: T, index: number, set: (change: Partial<T>) => void) => ReactNode;
}) {
  return (
    <>
      {rows.length > 0 && (
        <ol className="caselaw-rows">
          {rows.map((row, index) => (
            <li key={row.key} className="caselaw-rows__row">
              <div className="caselaw-rows__fields">
                {children(row, index, (change) =>
                  onChange(rows.map((r) => (r.key === row.key ? { ...r, ...change } : r))),
                )}
              </div>
              <Button
                variant="secondary"
                size="small"
                className="caselaw-rows__remove"
                isDisabled={disabled}
                onPress={() => onChange(rows.filter((r) => r.key !== row.key))}
              >
                {removeLabel(index)}
              </Button>
            </li>
          ))}
        </ol>
      )}
      <div>
        <Button
          variant="secondary"
          size="small"
          isDisabled={disabled}
          onPress={() => onChange([...rows, make()])}
        >
          {addLabel}
        </Button>
      </div>
    </>
  );
}

export function EntryFields({
  form,
  onChange,
  errors,
  topics,
  entries,
  disabled,
  selfId,
}: {
  form: EntryForm;
  onChange: (form: EntryForm) => void;
  errors: Record<string, string>;
  topics: Topic[];
  entries: EditorEntrySummary[];
  disabled: boolean;
  selfId: string;
}) {
  const t = useCaselawT();
  const ui = interfaceLanguage();
  const update = (change: Partial<EntryForm>) => onChange({ ...form, ...change });
  const [relatedChoice, setRelatedChoice] = useState<string | null>(null);
  const [addingTopic, setAddingTopic] = useState(false);
  const languageOptions = CONTENT_LANGUAGES.map((l) => ({
    id: l,
    label: NATIVE_NAMES[l],
    lang: l,
  }));
  const titleOf = (entry: EditorEntrySummary) => {
    const title = pick(entry.title, ui)?.value ?? entry.id;
    return entry.documentNumbers.length ? `${title} (${entry.documentNumbers.join(', ')})` : title;
  };
  const candidates = entries.filter((e) => e.id !== selfId && !form.related.includes(e.id));

  return (
    // A disabled fieldset disables every control inside, select buttons included.
    <fieldset className="caselaw-form ui-fieldset" disabled={disabled}>
      <legend className="visually-hidden">{t('editor.sections.all')}</legend>
      <LanguageTexts form={form} update={update} disabled={disabled} errors={errors} />

      {form.kind === 'entry' && (
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
      )}

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

      <Fieldset legend={t('editor.sections.topics')}>
        <CheckboxGroup
          name="topics"
          label={t('editor.fields.topics')}
          options={topics.map((topic) => ({ id: topic.key, label: topic.labels[ui] }))}
          value={form.topics.filter((key) => topics.some((topic) => topic.key === key))}
          onChange={(next) => update({ topics: next })}
          className="caselaw-topics"
        />
        <div>
          <Button
            variant="secondary"
            size="small"
            isDisabled={disabled}
            onPress={() => setAddingTopic(true)}
          >
            {t('topics.open')}
          </Button>
        </div>
        {addingTopic && (
          <TopicDialog
            onClose={() => setAddingTopic(false)}
            onCreated={(topic) => {
              setAddingTopic(false);
              update({ topics: [...form.topics, topic.key] });
            }}
          />
        )}
      </Fieldset>

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
                  options={languageOptions}
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
                options={[{ id: 'none', label: t('editor.noLanguage') }, ...languageOptions]}
                value={row.lang}
                onChange={(lang) => set({ lang })}
              />
            </div>
          )}
        </Rows>
      </Fieldset>

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
            value={relatedChoice}
            onChange={setRelatedChoice}
          />
          <Button
            variant="secondary"
            size="small"
            isDisabled={disabled || !relatedChoice}
            onPress={() => {
              if (relatedChoice) update({ related: [...form.related, relatedChoice] });
              setRelatedChoice(null);
            }}
          >
            {t('editor.addRelated')}
          </Button>
        </div>
      </Fieldset>

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
    </fieldset>
  );
}
