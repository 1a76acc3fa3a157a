export const LANGUAGES = ['en', 'fr', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'en';

/** Each language is offered under its own name, so a reader finds it whatever is on screen. */
export const NATIVE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English',
  fr: 'Français',
  ar: 'العربية',
};

const RTL: ReadonlySet<Language> = new Set(['ar']);

export function directionOf(language: Language): 'ltr' | 'rtl' {
  return RTL.has(language) ? 'rtl' : 'ltr';
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** `fr-CA` → `fr`; undefined when we do not offer that language. */
export function matchLanguage(tag: string): Language | undefined {
  const primary = tag.toLowerCase().split('-')[0];
  return isLanguage(primary) ? primary : undefined;
}
