import type { CaselawContent } from '@coop/contracts';
import { canonicalJson, diffContent, lineDiff } from './diff';

describe('line diff', () => {
  it('keeps common lines and marks insertions and deletions', () => {
    expect(lineDiff('a\nb\nc\nd', 'a\nc\nx\nd')).toEqual([
      { op: 'equal', text: 'a' },
      { op: 'delete', text: 'b' },
      { op: 'equal', text: 'c' },
      { op: 'insert', text: 'x' },
      { op: 'equal', text: 'd' },
    ]);
    expect(lineDiff('same', 'same')).toEqual([{ op: 'equal', text: 'same' }]);
  });

  it('always rebuilds both texts', () => {
    const texts = ['', 'a', 'a\nb', 'b\na', 'x\ny\nz\nx', 'q\nx\nq\nx\nq', 'a\n\nb\n'];
    for (const before of texts)
      for (const after of texts) {
        const lines = lineDiff(before, after);
        expect(
          lines
            .filter((l) => l.op !== 'insert')
            .map((l) => l.text)
            .join('\n'),
        ).toBe(before);
        expect(
          lines
            .filter((l) => l.op !== 'delete')
            .map((l) => l.text)
            .join('\n'),
        ).toBe(after);
      }
  });

  it('finds a shortest edit on a longer text', () => {
    const before = Array.from({ length: 300 }, (_, i) => `line ${i}`);
    const after = [...before];
    after.splice(150, 1, 'changed');
    const lines = lineDiff(before.join('\n'), after.join('\n'));
    expect(lines.filter((l) => l.op !== 'equal')).toEqual([
      { op: 'delete', text: 'line 150' },
      { op: 'insert', text: 'changed' },
    ]);
  });
});

describe('content diff', () => {
  const explainer = (body: string, topics: string[]): CaselawContent => ({
    kind: 'explainer',
    title: { en: 'Title' },
    body: { en: body },
    articles: [],
    topics,
    quotes: [],
    links: [],
    related: [],
    source: null,
  });

  it('lists text, list and value changes, and languages added', () => {
    const before = explainer('one\ntwo', ['a', 'b']);
    const after: CaselawContent = {
      ...explainer('one\n2', ['b', 'c']),
      title: { en: 'Title', fr: 'Titre' },
      source: { title: 'S', locator: null, url: null },
    };
    expect(diffContent(before, after)).toEqual([
      {
        field: 'title.fr',
        kind: 'text',
        before: null,
        after: 'Titre',
        lines: [{ op: 'insert', text: 'Titre' }],
      },
      { field: 'topics', kind: 'list', added: ['c'], removed: ['a'] },
      {
        field: 'body.en',
        kind: 'text',
        before: 'one\ntwo',
        after: 'one\n2',
        lines: [
          { op: 'equal', text: 'one' },
          { op: 'delete', text: 'two' },
          { op: 'insert', text: '2' },
        ],
      },
      { field: 'source.title', kind: 'value', before: null, after: 'S' },
    ]);
    expect(diffContent(before, before)).toEqual([]);
  });

  it('compares JSON without regard to key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe(
      canonicalJson({ a: [{ c: 3, d: 2 }], b: 1 }),
    );
  });
});
