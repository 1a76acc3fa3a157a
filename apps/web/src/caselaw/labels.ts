import {
  CHAMBER_LABELS,
  DOCUMENT_TYPE_LABELS,
  LANGUAGES,
  type Chamber,
  type DocumentType,
  type Language,
  type Localized,
} from '@coop/contracts';

export { LANGUAGES as CONTENT_LANGUAGES };
export type { Language as ContentLanguage };
export { directionOf, NATIVE_NAMES } from '../i18n';

export function isContentLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** A text in the wanted language, else in the first language it exists in; with that language. */
export function pick<T>(
  texts: Localized<T>,
  wanted: Language,
): { value: T; lang: Language } | null {
  for (const lang of [wanted, ...LANGUAGES.filter((l) => l !== wanted)]) {
    const value = texts[lang];
    if (value !== undefined) return { value, lang };
  }
  return null;
}

export const chamberName = (chamber: Chamber, language: Language): string =>
  CHAMBER_LABELS[chamber]?.[language] ?? chamber;

export const documentTypeName = (type: DocumentType, language: Language): string =>
  DOCUMENT_TYPE_LABELS[type]?.[language] ?? type;

/** Month names as United Nations Arabic texts write them: the Levantine name, then the other. */
const ARABIC_MONTHS = [
  'كانون الثاني/يناير',
  'شباط/فبراير',
  'آذار/مارس',
  'نيسان/أبريل',
  'أيار/مايو',
  'حزيران/يونيه',
  'تموز/يوليه',
  'آب/أغسطس',
  'أيلول/سبتمبر',
  'تشرين الأول/أكتوبر',
  'تشرين الثاني/نوفمبر',
  'كانون الأول/ديسمبر',
];

/** English as the Court writes dates (24 October 2024), not the American order. */
const LOCALES: Record<Language, string> = { en: 'en-GB', fr: 'fr', es: 'es', ar: 'ar' };

/** An ISO calendar date (no time, no zone) as a language writes it: 24 October 2024. */
export function longDate(iso: string, language: Language): string {
  const date = new Date(`${iso}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(date.getTime())) return iso;
  if (language === 'ar') {
    return `${date.getUTCDate()} ${ARABIC_MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
  }
  return new Intl.DateTimeFormat(LOCALES[language], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}
