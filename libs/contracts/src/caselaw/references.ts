import { z } from 'zod';
import { contractIssue } from '../platform/problem';
import type { Language } from '../states/states';

/**
 * ICC court records: `ICC-<situation>[-<case>]-<number>` with optional suffixes (`-Red`,
 * `-Anx`, `-Corr`, `-tENG`, …), e.g. ICC-01/22-90 or ICC-01/04-01/06-3121-Red. The 2020 Bureau
 * report on cooperation cites the Appeals Chamber decision of 15 February 2016 as
 * `ICC-ACRed-01/16`, so that form is accepted as it is cited.
 */
export const DOCUMENT_NUMBER =
  /^ICC-(?:\d{2}\/\d{2}(?:-\d{2}\/\d{2})?-\d{1,6}|ACRed-\d{2}\/\d{2})(?:-[A-Za-z][A-Za-z0-9]{0,11})*$/;

/** A situation or case prefix (`ICC-01/22`, `ICC-01/04-01/06`): finds every record under it. */
export const DOCUMENT_PREFIX = /^ICC-\d{2}\/\d{2}(?:-\d{2}\/\d{2})?$/;

export const documentNumberSchema = z
  .string()
  .trim()
  .max(60)
  .regex(DOCUMENT_NUMBER, 'must be an ICC document number such as ICC-01/22-90');

/** Document numbers compare without regard to case (`icc-01/22-90` finds ICC-01/22-90). */
export const documentKey = (number: string) => number.toUpperCase();

/**
 * Document numbers and situation/case prefixes written anywhere in a search query (`ICC-` in
 * capitals, the rest as typed), and the query without them.
 */
export function documentNumbersIn(query: string): {
  numbers: string[];
  prefixes: string[];
  rest: string;
} {
  const numbers = new Set<string>();
  const prefixes = new Set<string>();
  const rest = query.replace(/ICC-[A-Za-z0-9/.-]+/gi, (raw) => {
    const candidate = raw.replace(/[.-]+$/, '');
    const canonical = `ICC-${candidate.slice(4)}`.replace(/^ICC-acred-/i, 'ICC-ACRed-');
    if (DOCUMENT_NUMBER.test(canonical)) numbers.add(canonical);
    else if (DOCUMENT_PREFIX.test(canonical)) prefixes.add(canonical);
    else return raw;
    return ' ';
  });
  return { numbers: [...numbers], prefixes: [...prefixes], rest: rest.replace(/\s+/g, ' ').trim() };
}

export const INSTRUMENTS = ['statute', 'rules'] as const;
export type Instrument = (typeof INSTRUMENTS)[number];

/**
 * A provision of the Rome Statute or of the Rules of Procedure and Evidence: article (or rule)
 * 93, paragraph 1, subparagraph (k), point (ii) → 93(1)(k)(ii). Articles are strings because
 * the Statute has 8 bis, 15 bis and 15 ter.
 */
export const articleRefSchema = z
  .strictObject({
    instrument: z.enum(INSTRUMENTS),
    article: z.string().regex(/^[1-9]\d{0,2}(?: (?:bis|ter|quater))?$/, 'must be like 87 or 8 bis'),
    paragraph: z
      .string()
      .regex(/^[1-9]\d?$/, 'must be a paragraph number')
      .optional(),
    subparagraph: z
      .string()
      .regex(/^[a-z]{1,2}$/, 'must be a letter')
      .optional(),
    point: z
      .string()
      .regex(/^[ivxl]{1,6}$/, 'must be a roman numeral')
      .optional(),
  })
  .refine(
    (r) => r.paragraph !== undefined || (!r.subparagraph && !r.point),
    contractIssue('subparagraph-needs-paragraph', 'a subparagraph needs a paragraph'),
  )
  .refine(
    (r) => r.subparagraph !== undefined || !r.point,
    contractIssue('point-needs-subparagraph', 'a point needs a subparagraph'),
  );
export type ArticleRef = z.infer<typeof articleRefSchema>;

const levels = (ref: ArticleRef) =>
  [ref.paragraph, ref.subparagraph, ref.point].filter((x): x is string => x !== undefined);

/** `87(7)`, `93(1)(k)`, `8 bis`. */
export const articleCitation = (ref: ArticleRef) =>
  `${ref.article}${levels(ref)
    .map((l) => `(${l})`)
    .join('')}`;

/** The machine key used in filters and facets: `statute:87(7)`, `rules:97`. */
export const articleKey = (ref: ArticleRef) => `${ref.instrument}:${articleCitation(ref)}`;

/**
 * The key of the provision and of every provision above it (`statute:93`, `statute:93(1)`,
 * `statute:93(1)(k)`), so that a filter on 93 finds 93(1)(k).
 */
export function articleKeys(ref: ArticleRef): string[] {
  const keys = [`${ref.instrument}:${ref.article}`];
  let path = ref.article;
  for (const level of levels(ref)) {
    path += `(${level})`;
    keys.push(`${ref.instrument}:${path}`);
  }
  return keys;
}

const PREFIX: Record<Language, Record<Instrument, string>> = {
  en: { statute: 'Art.', rules: 'Rule' },
  fr: { statute: 'Art.', rules: 'Règle' },
  es: { statute: 'Art.', rules: 'Regla' },
  ar: { statute: 'المادة', rules: 'القاعدة' },
};

/** The normalised display string: `Art. 87(7)`, `Rule 97` (or in another language). */
export const formatArticle = (ref: ArticleRef, lang: Language = 'en') =>
  `${PREFIX[lang][ref.instrument]} ${articleCitation(ref)}`;

/** Parses a key or a citation as people write it: `statute:87(7)`, `87(7)`, `Art. 97`, `rule 176(2)`. */
export function parseArticle(text: string): ArticleRef | null {
  const match =
    /^\s*(?:(statute|rules):|(art(?:icle|ículo|\.)?|المادة)\s*|(rules?|règle|regla|القاعدة)\s*)?([1-9]\d{0,2}(?: (?:bis|ter|quater))?)((?:\(\d{1,2}\))?)((?:\([a-z]{1,2}\))?)((?:\([ivxl]{1,6}\))?)\s*$/iu.exec(
      text,
    );
  if (!match) return null;
  const [, keyed, , rule, article, paragraph, subparagraph, point] = match;
  const instrument: Instrument =
    keyed?.toLowerCase() === 'rules' || rule !== undefined ? 'rules' : 'statute';
  const inner = (s: string) => (s ? s.slice(1, -1) : undefined);
  const ref = {
    instrument,
    article: article.toLowerCase(),
    paragraph: inner(paragraph),
    subparagraph: inner(subparagraph)?.toLowerCase(),
    point: inner(point)?.toLowerCase(),
  };
  const parsed = articleRefSchema.safeParse(
    Object.fromEntries(Object.entries(ref).filter(([, v]) => v !== undefined)),
  );
  return parsed.success ? parsed.data : null;
}

/** Provisions cited in a search query: `87(7)`, `article 97`, `المادة 93(1)(k)`, `rule 176`. */
export function articlesIn(query: string): ArticleRef[] {
  const found = new Map<string, ArticleRef>();
  const patterns = [
    /(?:^|[\s(])((?:art(?:icle|ículo|\.)?|المادة|rules?|règle|regla|القاعدة)\s*[1-9]\d{0,2}(?:\(\d{1,2}\))?(?:\([a-z]{1,2}\))?(?:\([ivxl]{1,6}\))?)/giu,
    // A bare number with a paragraph is a provision too: 87(7).
    /(?:^|\s)([1-9]\d{0,2}\(\d{1,2}\)(?:\([a-z]{1,2}\))?(?:\([ivxl]{1,6}\))?)(?=$|[\s,;.])/giu,
  ];
  for (const pattern of patterns) {
    for (const match of query.matchAll(pattern)) {
      const ref = parseArticle(match[1]);
      if (ref) found.set(articleKey(ref), ref);
    }
  }
  return [...found.values()];
}
