/**
 * The Markdown subset of case-law texts, parsed to a small tree that the web app renders with
 * its own components. No HTML ever comes out of it: raw HTML is text, and links keep an `href`
 * only when it is an https URL, so `javascript:` and other schemes stay inert.
 *
 * Blocks: paragraphs, headings (`#`, `##`, `###`), bullet lists (`-`, `*`, `+`), numbered lists
 * (`1.` or `1)`), block quotes (`>`). Inline: `**strong**`, `*emphasis*`, `` `code` ``,
 * `[text](https://…)`, a hard line break (two spaces or `\` at the end of a line), and `\` to
 * escape a punctuation character.
 */

export type MdInline =
  | { type: 'text'; text: string }
  | { type: 'strong'; children: MdInline[] }
  | { type: 'emphasis'; children: MdInline[] }
  | { type: 'code'; text: string }
  /** `href` is null when the target is not an https URL: render the children as plain text. */
  | { type: 'link'; href: string | null; children: MdInline[] }
  | { type: 'break' };

export type MdBlock =
  | { type: 'paragraph'; children: MdInline[] }
  | { type: 'heading'; depth: 1 | 2 | 3; children: MdInline[] }
  | { type: 'list'; ordered: boolean; start: number; items: MdInline[][] }
  | { type: 'quote'; children: MdBlock[] };

/** Deeper nesting is kept as text: it bounds the work a hostile text can cause. */
const MAX_DEPTH = 4;

/** The https URL a link may point to, normalised, or null. */
export function safeHref(target: string): string | null {
  const trimmed = target.trim();
  if (!/^https:\/\/[^\s<>"'`\\]+$/i.test(trimmed)) return null;
  try {
    const url = new URL(trimmed);
    return url.protocol === 'https:' && url.hostname ? url.href : null;
  } catch {
    return null;
  }
}

const HEADING = /^ {0,3}(#{1,3})[ \t]+(.*?)[ \t]*#*[ \t]*$/;
const BULLET = /^ {0,3}[-*+][ \t]+(.*)$/;
const NUMBERED = /^ {0,3}(\d{1,9})[.)][ \t]+(.*)$/;
const QUOTE = /^ {0,3}>[ \t]?(.*)$/;
const BLANK = /^[ \t]*$/;

/** Parses the subset; it never fails: whatever is not Markdown of the subset is text. */
export function parseMarkdown(source: string): MdBlock[] {
  return parseBlocks(source, 0, () => undefined);
}

/** Link targets that are not https URLs, for editors to fix before saving. */
export function unsafeLinkTargets(source: string): string[] {
  const unsafe: string[] = [];
  parseBlocks(source, 0, (target) => unsafe.push(target));
  return unsafe;
}

type UnsafeSink = (target: string) => void;

function parseBlocks(source: string, depth: number, unsafe: UnsafeSink): MdBlock[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: MdBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (BLANK.test(line)) {
      i++;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({
        type: 'heading',
        depth: heading[1].length as 1 | 2 | 3,
        children: inline(heading[2], depth, unsafe),
      });
      i++;
      continue;
    }
    if (QUOTE.test(line) && depth < MAX_DEPTH) {
      const inner: string[] = [];
      while (i < lines.length && !BLANK.test(lines[i])) {
        const q = QUOTE.exec(lines[i]);
        inner.push(q ? q[1] : lines[i]);
        i++;
      }
      blocks.push({ type: 'quote', children: parseBlocks(inner.join('\n'), depth + 1, unsafe) });
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = NUMBERED.exec(line);
    if (bullet || numbered) {
      const ordered = !bullet;
      const marker = ordered ? NUMBERED : BULLET;
      const items: string[][] = [];
      while (i < lines.length && !BLANK.test(lines[i])) {
        const m = marker.exec(lines[i]);
        if (m) items.push([ordered ? m[2] : m[1]]);
        else if (BULLET.test(lines[i]) || NUMBERED.test(lines[i]) || HEADING.test(lines[i])) break;
        else items[items.length - 1].push(lines[i].trim());
        i++;
      }
      blocks.push({
        type: 'list',
        ordered,
        start: numbered && ordered ? Math.min(Number(numbered[1]), 1e9) : 1,
        items: items.map((item) => inline(item.join('\n'), depth, unsafe)),
      });
      continue;
    }
    const paragraph: string[] = [];
    while (
      i < lines.length &&
      !BLANK.test(lines[i]) &&
      !(paragraph.length > 0 && (HEADING.test(lines[i]) || QUOTE.test(lines[i])))
    ) {
      paragraph.push(lines[i]);
      i++;
    }
    blocks.push({ type: 'paragraph', children: inline(paragraph.join('\n'), depth, unsafe) });
  }
  return blocks;
}

const ESCAPABLE = /[!-/:-@[-`{-~]/;

/** Inline content of one block; newlines are soft breaks unless the line ends in a hard break. */
function inline(text: string, depth: number, unsafe: UnsafeSink): MdInline[] {
  const trimmed = text.trim();
  return new InlineParser(trimmed, depth, unsafe).parse(0, trimmed.length);
}

class InlineParser {
  /** Positions from which a search for a closing delimiter is known to fail. */
  private readonly noCloserFrom = new Map<string, number>();

  constructor(
    private readonly s: string,
    private readonly depth: number,
    private readonly unsafe: UnsafeSink,
  ) {}

  parse(from: number, to: number): MdInline[] {
    const out: MdInline[] = [];
    let text = '';
    const flush = () => {
      if (text) out.push({ type: 'text', text });
      text = '';
    };
    let i = from;
    while (i < to) {
      const c = this.s[i];
      if (c === '\\' && i + 1 < to && ESCAPABLE.test(this.s[i + 1])) {
        text += this.s[i + 1];
        i += 2;
        continue;
      }
      if (c === '\\' && this.s[i + 1] === '\n') {
        flush();
        out.push({ type: 'break' });
        i += 2;
        continue;
      }
      if (c === '\n') {
        const hard = /[ \t]{2,}$/.test(text);
        text = text.replace(/[ \t]+$/, '');
        if (hard) {
          flush();
          out.push({ type: 'break' });
        } else text += ' ';
        i++;
        while (i < to && (this.s[i] === ' ' || this.s[i] === '\t')) i++;
        continue;
      }
      if (c === '`') {
        const end = this.closer('`', i + 1, to, (p) => this.s[p] === '`');
        if (end > i + 1) {
          flush();
          out.push({ type: 'code', text: this.s.slice(i + 1, end) });
          i = end + 1;
          continue;
        }
      }
      if (c === '*' && this.depth < MAX_DEPTH) {
        const strong = this.s[i + 1] === '*';
        const width = strong ? 2 : 1;
        const open = i + width;
        if (open < to && !/\s/.test(this.s[open]) && !(strong && this.s[open] === '*')) {
          const end = strong
            ? this.closer(
                '**',
                open + 1,
                to,
                (p) => this.s.startsWith('**', p) && !/\s/.test(this.s[p - 1]),
              )
            : this.closer(
                '*',
                open + 1,
                to,
                (p) =>
                  this.s[p] === '*' &&
                  this.s[p + 1] !== '*' &&
                  this.s[p - 1] !== '*' &&
                  !/\s/.test(this.s[p - 1]),
              );
          if (end >= 0) {
            flush();
            const children = new InlineParser(this.s, this.depth + 1, this.unsafe).parse(open, end);
            out.push(strong ? { type: 'strong', children } : { type: 'emphasis', children });
            i = end + width;
            continue;
          }
        }
      }
      if (c === '[' && this.depth < MAX_DEPTH) {
        const link = this.link(i, to);
        if (link) {
          flush();
          out.push(link.node);
          i = link.end;
          continue;
        }
      }
      text += c;
      i++;
    }
    flush();
    return out;
  }

  /** The first position in [from, to) where `matches` holds, or -1; each search is remembered. */
  private closer(kind: string, from: number, to: number, matches: (p: number) => boolean): number {
    const key = `${kind}:${to}`;
    const failed = this.noCloserFrom.get(key);
    if (failed !== undefined && from >= failed) return -1;
    for (let p = from; p < to; p++) {
      if (this.s[p] === '\\') {
        p++;
        continue;
      }
      if (matches(p)) return p;
    }
    this.noCloserFrom.set(key, Math.min(failed ?? from, from));
    return -1;
  }

  /** `[text](target)`; the target ends at the first `)` and may not contain spaces. */
  private link(start: number, to: number): { node: MdInline; end: number } | null {
    const close = this.closer(']', start + 1, to, (p) => this.s[p] === ']' || this.s[p] === '[');
    if (close < 0 || this.s[close] !== ']' || this.s[close + 1] !== '(') return null;
    const end = this.closer(')', close + 2, to, (p) => this.s[p] === ')' || /\s/.test(this.s[p]));
    if (end < 0 || this.s[end] !== ')') return null;
    const target = this.s.slice(close + 2, end);
    const href = safeHref(target);
    if (href === null) this.unsafe(target);
    return {
      node: {
        type: 'link',
        href,
        children: new InlineParser(this.s, this.depth + 1, this.unsafe).parse(start + 1, close),
      },
      end: end + 1,
    };
  }
}

/** The text of a parsed document, blocks separated by blank lines, for excerpts and exports. */
export function plainText(blocks: MdBlock[]): string {
  const inline = (nodes: MdInline[]): string =>
    nodes
      .map((n) =>
        n.type === 'text' || n.type === 'code'
          ? n.text
          : n.type === 'break'
            ? '\n'
            : inline(n.children),
      )
      .join('');
  return blocks
    .map((b) =>
      b.type === 'list'
        ? b.items.map((item) => inline(item)).join('\n')
        : b.type === 'quote'
          ? plainText(b.children)
          : inline(b.children),
    )
    .join('\n\n');
}
