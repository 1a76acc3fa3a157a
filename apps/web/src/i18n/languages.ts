import { LANGUAGES as TEXT_LANGUAGE_CODES, type Language as TextLanguage } from '@coop/contracts';
import type { LanguageOption } from '../ui';

/** The interface's languages; texts may also be written in Spanish, which it is not offered in. */
export const LANGUAGES = ['en', 'fr', 'ar'] as const satisfies readonly TextLanguage[];
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'en';

/** Each language is offered under its own name, so a reader finds it whatever is on screen. */
export const NATIVE_NAMES: Readonly<Record<TextLanguage, string>> = {
  en: 'English',
  fr: 'Français',
  ar: 'العربية',
  es: 'Español',
};

const RTL: ReadonlySet<TextLanguage> = new Set(['ar']);

export function directionOf(language: TextLanguage): 'ltr' | 'rtl' {
  return RTL.has(language) ? 'rtl' : 'ltr';
}

/** Every language a text may be written in, for fields edited in each (`LanguageTexts`). */
export const TEXT_LANGUAGES: readonly LanguageOption<TextLanguage>[] = TEXT_LANGUAGE_CODES.map(
  (code) => ({ code, name: NATIVE_NAMES[code], dir: directionOf(code) }),
);

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** `fr-CA` → `fr`; undefined when we do not offer that language. */
export function matchLanguage(tag: string): Language | undefined {
  const primary = tag.toLowerCase().split('-')[0];
  return isLanguage(primary) ? primary : undefined;
}
