import { caselawContentSchema, markdownSchema, searchQuerySchema } from './caselaw';
import { parseMarkdown, plainText, safeHref, unsafeLinkTargets, type MdBlock } from './markdown';
import {
  articleKeys,
  articlesIn,
  documentNumbersIn,
  documentNumberSchema,
  formatArticle,
  parseArticle,
} from './references';

/** Every href in a parsed document. */
function hrefs(blocks: MdBlock[]): (string | null)[] {
  const out: (string | null)[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      if ((node as { type?: string }).type === 'link')
        out.push((node as { href: string | null }).href);
      Object.values(node).forEach(walk);
    }
  };
  walk(blocks);
  return out;
}

describe('case-law Markdown', () => {
  it('parses the subset into blocks and inline nodes', () => {
    const blocks = parseMarkdown(
      '## Holding\n\nNo **link** is *required*; see [the decision](https://www.icc-cpi.int/x).\n\n- one\n- two\n\n1. first\n2. second\n\n> quoted\n> text',
    );
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'list', 'list', 'quote']);
    expect(blocks[1]).toEqual({
      type: 'paragraph',
      children: [
        { type: 'text', text: 'No ' },
        { type: 'strong', children: [{ type: 'text', text: 'link' }] },
        { type: 'text', text: ' is ' },
        { type: 'emphasis', children: [{ type: 'text', text: 'required' }] },
        { type: 'text', text: '; see ' },
        {
          type: 'link',
          href: 'https://www.icc-cpi.int/x',
          children: [{ type: 'text', text: 'the decision' }],
        },
        { type: 'text', text: '.' },
      ],
    });
    expect(blocks[3]).toMatchObject({ type: 'list', ordered: true, start: 1 });
    expect(plainText(blocks)).toContain('No link is required; see the decision.');
  });

  it('keeps script and HTML as text, and links other than https inert', () => {
    const hostile = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '[a](javascript:alert(1))',
      '[b](JaVaScRiPt:alert(1))',
      '[c](javascript&#58;alert(1))',
      '[d](data:text/html,<script>alert(1)</script>)',
      '[e](http://example.org)',
      '[f](//evil.example)',
      '[g](vbscript:msgbox)',
      '[h](https:/\\evil.example)',
      '[i]( javascript:alert(1))',
    ].join('\n\n');
    const blocks = parseMarkdown(hostile);
    expect(hrefs(blocks).every((h) => h === null)).toBe(true);
    expect(plainText(blocks)).toContain('<script>alert(1)</script>');
    expect(JSON.stringify(blocks)).not.toContain('"html"');
    expect(unsafeLinkTargets(hostile).length).toBeGreaterThanOrEqual(8);
    expect(safeHref('https://asp.icc-cpi.int/a?b=1')).toBe('https://asp.icc-cpi.int/a?b=1');
    expect(safeHref('https://')).toBeNull();
  });

  it('refuses unsafe links when text is saved, with the offending target', () => {
    const result = markdownSchema().safeParse('See [here](javascript:alert(1)).');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toContain('javascript:alert(1');
    expect(markdownSchema().safeParse('Line one\nline two\n\n- item').success).toBe(true);
    expect(markdownSchema().safeParse('bell\u0007').success).toBe(false);
  });

  it('stays fast on hostile input', () => {
    const started = performance.now();
    parseMarkdown('*a'.repeat(10_000));
    parseMarkdown('[a](b'.repeat(4_000));
    parseMarkdown('`'.repeat(20_000));
    parseMarkdown('**'.repeat(10_000));
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('document numbers and provisions', () => {
  it.each([
    'ICC-01/22-90',
    'ICC-01/18-462',
    'ICC-01/11-209',
    'ICC-01/11-209-Anx',
    'ICC-ACRed-01/16',
    'ICC-01/04-01/06-3121-Red',
  ])('accepts %s', (n) => expect(documentNumberSchema.safeParse(n).success).toBe(true));

  it.each(['ICC-ASP/16/Res.2', 'ICC-1/22-90', 'ICC-01/22', '01/22-90', 'ICC-01/22-90--Red'])(
    'refuses %j',
    (n) => expect(documentNumberSchema.safeParse(n).success).toBe(false),
  );

  it('finds numbers and prefixes in a query', () => {
    expect(documentNumbersIn('see icc-01/22-90, and ICC-01/18')).toEqual({
      numbers: ['ICC-01/22-90'],
      prefixes: ['ICC-01/18'],
      rest: 'see , and',
    });
    // Assembly documents are not Court records: they stay words of the query.
    expect(documentNumbersIn('ICC-ASP/16/Res.2')).toEqual({
      numbers: [],
      prefixes: [],
      rest: 'ICC-ASP/16/Res.2',
    });
    expect(documentNumbersIn('icc-ACRed-01/16.').numbers).toEqual(['ICC-ACRed-01/16']);
  });

  it('parses, keys and formats provisions', () => {
    const ref = parseArticle('Art. 93(1)(k)');
    expect(ref).toEqual({
      instrument: 'statute',
      article: '93',
      paragraph: '1',
      subparagraph: 'k',
    });
    expect(ref && articleKeys(ref)).toEqual(['statute:93', 'statute:93(1)', 'statute:93(1)(k)']);
    expect(ref && formatArticle(ref, 'ar')).toBe('المادة 93(1)(k)');
    expect(parseArticle('rules:97')).toEqual({ instrument: 'rules', article: '97' });
    expect(parseArticle('Rule 176(2)')).toMatchObject({ instrument: 'rules', paragraph: '2' });
    expect(parseArticle('8 bis')).toMatchObject({ article: '8 bis' });
    expect(parseArticle('57(3)(e)')).toMatchObject({
      article: '57',
      paragraph: '3',
      subparagraph: 'e',
    });
    expect(parseArticle('article')).toBeNull();
    expect(
      articlesIn('findings under article 87(7) and 97 and المادة 93(1)(k)').map((a) =>
        formatArticle(a),
      ),
    ).toEqual(['Art. 87(7)', 'Art. 93(1)(k)']);
  });
});

describe('case-law contracts', () => {
  const entry = {
    kind: 'entry',
    title: { en: 'T' },
    documentNumbers: ['ICC-01/22-90'],
    chamber: 'pre-trial-ii',
    date: '2024-10-24',
    situation: null,
    caseName: null,
    documentType: 'finding',
    articles: [{ instrument: 'statute', article: '87', paragraph: '7' }],
    topics: ['non-cooperation'],
    summary: { en: 'S' },
    holdings: {},
    quotes: [],
    links: [{ url: 'https://example.org', label: 'x', lang: null }],
    related: ['2D0B44AE-DC3A-4AD7-BE95-BC6C311DBA55'],
    source: { title: 'source', locator: null, url: null },
  };

  it('accepts a complete entry and lower-cases related ids', () => {
    const parsed = caselawContentSchema.parse(entry);
    expect(parsed.related).toEqual(['2d0b44ae-dc3a-4ad7-be95-bc6c311dba55']);
  });

  it.each([
    ['title', { ...entry, title: {} }],
    ['summary', { ...entry, summary: {} }],
    ['documentNumbers', { ...entry, documentNumbers: [] }],
    ['documentNumbers', { ...entry, documentNumbers: ['ICC-01/22-90', 'icc-01/22-90'] }],
    ['links.0.url', { ...entry, links: [{ url: 'http://example.org', label: 'x', lang: null }] }],
    ['chamber', { ...entry, chamber: 'appeal' }],
    [
      'articles.0',
      { ...entry, articles: [{ instrument: 'statute', article: '87', subparagraph: 'a' }] },
    ],
    ['summary.en', { ...entry, summary: { en: '[x](javascript:alert(1))' } }],
    ['', { ...entry, body: { en: 'x' } }],
  ])('refuses a bad value at %j', (field, input) => {
    const result = caselawContentSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(field);
  });

  it('reads repeated query parameters as lists', () => {
    const parsed = searchQuerySchema.parse({ topic: ['a', 'b'], year: '2025', limit: '5' });
    expect(parsed).toMatchObject({ topic: ['a', 'b'], year: [2025], limit: 5, offset: 0 });
  });
});
