import { DEFAULT_LANGUAGE, isLanguage, matchLanguage, type Language } from './languages';

const STORAGE_KEY = 'coop.language';

/** The stored choice, else the browser's preferred languages, else English. */
export function initialLanguage(): Language {
  const stored = readStored();
  if (stored) return stored;
  for (const tag of navigator.languages) {
    const match = matchLanguage(tag);
    if (match) return match;
  }
  return DEFAULT_LANGUAGE;
}

export function storeLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage can be disabled by policy; the choice then lasts for this page only.
  }
}

function readStored(): Language | undefined {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
