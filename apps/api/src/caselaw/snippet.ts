import type { Language, Snippet, SnippetSegment } from '@coop/contracts';

/** ts_headline markers: control characters, which stored texts may not contain. */
export const MARK_START = '\u0002';
export const MARK_STOP = '\u0003';
export const HEADLINE_OPTIONS = `HighlightAll=true, StartSel=${MARK_START}, StopSel=${MARK_STOP}`;

const REMOVED = /[\u064B-\u0652\u0670\u0640]/;
const REPLACED: Record<string, string> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ى: 'ي',
  ة: 'ه',
};

/** The same normalisation as the SQL function caselaw_normalize_ar, one UTF-16 unit at a time. */
export function normalizeArabicUnit(unit: string): string {
  if (REMOVED.test(unit)) return '';
  return REPLACED[unit] ?? unit;
}

export const normalizeArabic = (text: string) => text.split('').map(normalizeArabicUnit).join('');

/**
 * Where the marks of a headline (computed on the normalised text) fall in the original text.
 * Normalisation only drops or swaps single characters, so the two can be walked side by side.
 * Returns no ranges when they do not line up, rather than marks in the wrong place.
 */
export function markedRanges(original: string, marked: string): [number, number][] {
  const ranges: [number, number][] = [];
  let i = 0;
  let open = -1;
  const skipRemoved = () => {
    while (i < original.length && normalizeArabicUnit(original[i]) === '') i++;
  };
  for (let j = 0; j < marked.length; j++) {
    const unit = marked[j];
    if (unit === MARK_START || unit === MARK_STOP) {
      skipRemoved();
      if (unit === MARK_START) open = i;
      else if (open >= 0) {
        if (i > open) ranges.push([open, i]);
        open = -1;
      }
      continue;
    }
    skipRemoved();
    if (i >= original.length || normalizeArabicUnit(original[i]) !== unit) return [];
    i++;
  }
  return ranges;
}

const WINDOW = 300;
const LEAD = 80;

/** Moves `at` back to the start of the word it falls in. */
const wordStart = (text: string, at: number) => {
  let p = at;
  while (p > 0 && !/\s/.test(text[p - 1])) p--;
  return p;
};
const wordEnd = (text: string, at: number) => {
  let p = at;
  while (p < text.length && !/\s/.test(text[p])) p++;
  return p;
};

/** An excerpt of about 300 characters around the first match, as plain-text segments. */
export function buildSnippet(
  lang: Language,
  field: Snippet['field'],
  text: string,
  ranges: [number, number][],
): Snippet {
  const first = ranges[0];
  let start = first ? wordStart(text, Math.max(0, first[0] - LEAD)) : 0;
  if (first && first[0] - start > LEAD * 2) start = first[0];
  let end = Math.min(text.length, start + WINDOW);
  if (end < text.length) end = Math.max(wordEnd(text, end), first ? first[1] : 0);
  const segments: SnippetSegment[] = [];
  const push = (from: number, to: number, hit: boolean) => {
    if (to <= from) return;
    const piece = text.slice(from, to).replace(/\s+/g, ' ');
    const last = segments[segments.length - 1];
    if (last && last.hit === hit) last.text += piece;
    else segments.push({ text: piece, hit });
  };
  let at = start;
  for (const [from, to] of ranges) {
    if (to <= start || from >= end) continue;
    push(at, Math.max(at, from), false);
    push(Math.max(at, from), Math.min(to, end), true);
    at = Math.min(to, end);
  }
  push(at, end, false);
  if (segments.length > 0) {
    segments[0].text = segments[0].text.trimStart();
    segments[segments.length - 1].text = segments[segments.length - 1].text.trimEnd();
  }
  return {
    lang,
    field,
    segments: segments.filter((s) => s.text.length > 0),
    truncatedStart: start > 0,
    truncatedEnd: end < text.length,
  };
}
