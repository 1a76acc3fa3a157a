import type { Translate } from '../i18n';
import { isContentLanguage, NATIVE_NAMES } from '../labels';

type ArticlePart = 'instrument' | 'article' | 'paragraph' | 'subparagraph' | 'point';
type QuotePart = 'paragraph' | 'lang' | 'text' | 'source';
type LinkPart = 'url' | 'label' | 'lang';
type SourcePart = 'title' | 'locator' | 'url';

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
