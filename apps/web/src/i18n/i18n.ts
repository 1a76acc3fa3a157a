import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import ar from './ar.json';
import en from './en.json';
import fr from './fr.json';
import { directionOf, isLanguage, LANGUAGES, type Language } from './languages';
import { initialLanguage, storeLanguage } from './preference';

export type Catalogue = typeof en;

// Typed against the English catalogue, so a missing key in another language fails `tsc`.
const catalogues: Readonly<Record<Language, Catalogue>> = { en, fr, ar };

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Catalogue };
  }
}

function applyToDocument(language: Language): void {
  const root = document.documentElement;
  root.lang = language;
  root.dir = directionOf(language);
}

export const i18n = i18next.createInstance();

export function setupI18n(): typeof i18n {
  const language = initialLanguage();
  applyToDocument(language);
  i18n.on('languageChanged', (next) => {
    if (isLanguage(next)) applyToDocument(next);
  });
  void i18n.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    resources: Object.fromEntries(
      LANGUAGES.map((code) => [code, { translation: catalogues[code] }]),
    ),
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return i18n;
}

export function currentLanguage(): Language {
  const language = i18n.resolvedLanguage;
  return isLanguage(language) ? language : 'en';
}

/** Switches the interface language and remembers the choice (only the code) on this device. */
export async function chooseLanguage(language: Language): Promise<void> {
  storeLanguage(language);
  await i18n.changeLanguage(language);
}
