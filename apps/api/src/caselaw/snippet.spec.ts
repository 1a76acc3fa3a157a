import { buildSnippet, markedRanges, MARK_START, MARK_STOP, normalizeArabic } from './snippet';

const mark = (text: string, words: string[]) =>
  words.reduce((t, w) => t.replace(w, `${MARK_START}${w}${MARK_STOP}`), text);

describe('snippets', () => {
  it('maps marks on the normalised text back onto the original', () => {
    const original = 'قررت المحكمة تَجْمِيدَ الأُصُولِ فوراً';
    const normalised = normalizeArabic(original);
    expect(normalised).toBe('قررت المحكمه تجميد الاصول فورا');
    const ranges = markedRanges(original, mark(normalised, ['تجميد', 'الاصول']));
    expect(ranges.map(([a, b]) => original.slice(a, b))).toEqual(['تَجْمِيدَ', 'الأُصُولِ']);
  });

  it('gives no ranges rather than wrong ones when the texts do not line up', () => {
    expect(markedRanges('abc', `x${MARK_START}b${MARK_STOP}c`)).toEqual([]);
    expect(markedRanges('abc', `a${MARK_START}b${MARK_STOP}c`)).toEqual([[1, 2]]);
  });

  it('cuts a window around the first hit at word boundaries', () => {
    const text = `${'lorem ipsum '.repeat(40)}the freezing of assets ${'dolor sit '.repeat(40)}`;
    const at = text.indexOf('freezing');
    const snippet = buildSnippet('en', 'summary', text, [[at, at + 'freezing'.length]]);
    expect(snippet.truncatedStart).toBe(true);
    expect(snippet.truncatedEnd).toBe(true);
    expect(snippet.segments.filter((s) => s.hit).map((s) => s.text)).toEqual(['freezing']);
    const shown = snippet.segments.map((s) => s.text).join('');
    expect(shown.length).toBeLessThan(400);
    expect(shown.startsWith('lorem') || shown.startsWith('ipsum')).toBe(true);
    const start = buildSnippet('en', 'summary', 'short text\n\nwith lines', []);
    expect(start).toEqual({
      lang: 'en',
      field: 'summary',
      segments: [{ text: 'short text with lines', hit: false }],
      truncatedStart: false,
      truncatedEnd: false,
    });
  });
});
