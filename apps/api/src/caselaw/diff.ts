import {
  formatArticle,
  LANGUAGES,
  type CaselawContent,
  type DiffLine,
  type FieldChange,
} from '@coop/contracts';

/** JSON with object keys sorted: jsonb does not keep key order, so compare through this. */
export function canonicalJson(value: unknown): string {
  const canon = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canon)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v as Record<string, unknown>)
              .filter(([, x]) => x !== undefined)
              .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
              .map(([k, x]) => [k, canon(x)]),
          )
        : v;
  return JSON.stringify(canon(value));
}

export const sameContent = (a: CaselawContent, b: CaselawContent) =>
  canonicalJson(a) === canonicalJson(b);

/** Above this many line pairs the table would be too large: show the text replaced whole. */
const MAX_CELLS = 4_000_000;

/** A line diff by longest common subsequence, after trimming the common head and tail. */
export function lineDiff(before: string, after: string): DiffLine[] {
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  const middle: DiffLine[] = [];
  if ((x.length + 1) * (y.length + 1) > MAX_CELLS) {
    middle.push(...x.map((text) => ({ op: 'delete' as const, text })));
    middle.push(...y.map((text) => ({ op: 'insert' as const, text })));
  } else {
    // lcs[i][j]: length of the longest common subsequence of x[i..] and y[j..].
    const width = y.length + 1;
    const lcs = new Uint32Array((x.length + 1) * width);
    for (let i = x.length - 1; i >= 0; i--)
      for (let j = y.length - 1; j >= 0; j--)
        lcs[i * width + j] =
          x[i] === y[j]
            ? lcs[(i + 1) * width + j + 1] + 1
            : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
    let i = 0;
    let j = 0;
    while (i < x.length || j < y.length) {
      if (i < x.length && j < y.length && x[i] === y[j]) {
        middle.push({ op: 'equal', text: x[i] });
        i++;
        j++;
      } else if (
        i < x.length &&
        (j === y.length || lcs[(i + 1) * width + j] >= lcs[i * width + j + 1])
      ) {
        // Deletions before insertions, as people read a replaced line.
        middle.push({ op: 'delete', text: x[i] });
        i++;
      } else {
        middle.push({ op: 'insert', text: y[j] });
        j++;
      }
    }
  }
  return [
    ...a.slice(0, head).map((text) => ({ op: 'equal' as const, text })),
    ...middle,
    ...a.slice(a.length - tail).map((text) => ({ op: 'equal' as const, text })),
  ];
}

type Field =
  | { kind: 'text'; value: string | null }
  | { kind: 'value'; value: string | null }
  | { kind: 'list'; items: string[] };

/** Every field of a content as something comparable, in reading order. */
function fieldsOf(content: CaselawContent): [string, Field][] {
  const fields: [string, Field][] = [];
  const texts = (name: string, values: Partial<Record<string, string>>) => {
    for (const lang of LANGUAGES)
      fields.push([`${name}.${lang}`, { kind: 'text', value: values[lang] ?? null }]);
  };
  const value = (name: string, v: string | null) =>
    fields.push([name, { kind: 'value', value: v }]);
  const list = (name: string, items: string[]) => fields.push([name, { kind: 'list', items }]);
  texts('title', content.title);
  if (content.kind === 'entry') {
    list('documentNumbers', content.documentNumbers);
    value('chamber', content.chamber);
    value('date', content.date);
    value('situation', content.situation);
    value('caseName', content.caseName);
    value('documentType', content.documentType);
  }
  list(
    'articles',
    content.articles.map((a) => formatArticle(a)),
  );
  list('topics', content.topics);
  if (content.kind === 'entry') {
    texts('summary', content.summary);
    texts('holdings', content.holdings);
  } else texts('body', content.body);
  list(
    'quotes',
    content.quotes.map(
      (q) => `¶${q.paragraph} (${q.lang})${q.source ? ` [${q.source}]` : ''}: ${q.text}`,
    ),
  );
  list(
    'links',
    content.links.map((l) => `${l.label} <${l.url}>${l.lang ? ` (${l.lang})` : ''}`),
  );
  list('related', content.related);
  value('source.title', content.source?.title ?? null);
  value('source.locator', content.source?.locator ?? null);
  value('source.url', content.source?.url ?? null);
  return fields;
}

/** What changed from one revision to another, field by field. */
export function diffContent(before: CaselawContent, after: CaselawContent): FieldChange[] {
  const old = new Map(fieldsOf(before));
  const changes: FieldChange[] = [];
  const seen = new Set<string>();
  const compare = (field: string, a: Field | undefined, b: Field | undefined) => {
    if (a?.kind === 'list' || b?.kind === 'list') {
      const was = a?.kind === 'list' ? a.items : [];
      const is = b?.kind === 'list' ? b.items : [];
      const added = is.filter((x) => !was.includes(x));
      const removed = was.filter((x) => !is.includes(x));
      if (added.length || removed.length) changes.push({ field, kind: 'list', added, removed });
      return;
    }
    const x = a?.value ?? null;
    const y = b?.value ?? null;
    if (x === y) return;
    if ((a ?? b)?.kind === 'text') {
      changes.push({
        field,
        kind: 'text',
        before: x,
        after: y,
        lines:
          x === null
            ? (y ?? '').split('\n').map((text) => ({ op: 'insert' as const, text }))
            : y === null
              ? x.split('\n').map((text) => ({ op: 'delete' as const, text }))
              : lineDiff(x, y),
      });
    } else changes.push({ field, kind: 'value', before: x, after: y });
  };
  for (const [field, now] of fieldsOf(after)) {
    seen.add(field);
    compare(field, old.get(field), now);
  }
  for (const [field, was] of old) if (!seen.has(field)) compare(field, was, undefined);
  return changes;
}
