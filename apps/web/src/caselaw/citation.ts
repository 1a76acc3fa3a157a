import type { EntryView, Language } from '@coop/contracts';
import { translateIn } from './i18n';
import { chamberName, longDate, pick } from './labels';

export interface Citation {
  /** The parts in order; a court record number reads left to right in every language. */
  parts: { text: string; record?: boolean }[];
  separator: string;
}

/**
 * A citation as the Court's records are cited: court, chamber, title, document number, date
 * (ICC, Pre-Trial Chamber II, Finding under article 87(7) …, ICC-01/22-90, 24 October 2024),
 * written in the language of the text being read.
 */
export function citationOf(
  entry: Pick<EntryView, 'title' | 'chamber' | 'documentNumbers' | 'date'>,
  language: Language,
): Citation {
  const parts = [
    { text: translateIn(language, 'citation.court') },
    { text: chamberName(entry.chamber, language) },
    { text: pick(entry.title, language)?.value ?? '' },
    { text: entry.documentNumbers[0] ?? '', record: true },
    { text: longDate(entry.date, language) },
  ].filter((part) => part.text.trim() !== '');
  return { parts, separator: translateIn(language, 'citation.separator') };
}

/** The citation as plain text, for the clipboard. */
export const citationText = (citation: Citation): string =>
  citation.parts.map((part) => part.text).join(citation.separator);
