import { LANGUAGES as CONTENT_LANGUAGES, type Language as ContentLanguage } from '@coop/contracts';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage, i18n } from '../../i18n';
import ar from './ar.json';
import en from './en.json';
import es from './es.json';
import fr from './fr.json';

export const NAMESPACE = 'caselaw';

type Catalogue = typeof en;

// Typed against the English catalogue, so a key missing in another language fails `tsc`.
const catalogues: Readonly<Record<ContentLanguage, Catalogue>> = { en, fr, ar, es };

/** `a.b.c` for every string of the catalogue. */
type Leaves<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${Leaves<T[K]>}`;
}[keyof T & string];
export type CaselawKey = Leaves<Catalogue>;

export type Translate = (key: CaselawKey, values?: Record<string, string | number>) => string;
type LooseTranslate = (key: string, options?: Record<string, unknown>) => string;
type LooseFixedT = (language: string, namespace: string) => LooseTranslate;

/** The app types i18next for its own namespace only; this one is typed by `CaselawKey`. */
const fixedT = (instance: typeof i18n, language: string): LooseTranslate =>
  (instance.getFixedT as unknown as LooseFixedT).call(instance, language, NAMESPACE);

/**
 * The app's i18next instance builds its store in `init`, which runs after this module is
 * imported; the catalogues join it then (or at once, if it is already up).
 */
function register(): void {
  for (const language of CONTENT_LANGUAGES) {
    if (!i18n.hasResourceBundle(language, NAMESPACE)) {
      i18n.addResourceBundle(language, NAMESPACE, catalogues[language], true, true);
    }
  }
}
if (i18n.isInitialized) register();
else i18n.on('initialized', register);

/** This feature's strings in the interface language; re-renders when the language changes. */
export function useCaselawT(): Translate {
  const { i18n: instance } = useTranslation();
  const language = instance.resolvedLanguage ?? 'en';
  return useCallback<Translate>(
    (key, values) => {
      if (!instance.hasResourceBundle(language, NAMESPACE)) register();
      return fixedT(instance, language)(key, values);
    },
    [instance, language],
  );
}

/** A string of this feature in a given content language (citations, language names). */
export function translateIn(language: ContentLanguage, key: CaselawKey): string {
  return fixedT(i18n, language)(key);
}

/** The interface language as a content language (the interface offers a subset). */
export function interfaceLanguage(): ContentLanguage {
  return currentLanguage();
}
