import { safeHref, type MdBlock, type MdInline } from '@coop/contracts';
import { Fragment, type ReactNode } from 'react';
import { useCaselawT } from '../i18n';

/**
 * Renders the parsed Markdown subset (the tree the API sends, or `parseMarkdown` of a draft)
 * with React elements only: every text is a text node, never HTML, and a link keeps its target
 * only when it is an https URL (checked again here), otherwise it is plain text.
 */
export function Markdown({
  blocks,
  headingLevel = 3,
}: {
  blocks: readonly MdBlock[];
  /** The level the text's own `#` headings start at, below the page's headings. */
  headingLevel?: HeadingLevel;
}) {
  return (
    <div className="caselaw-md">
      <Blocks blocks={blocks} headingLevel={headingLevel} />
    </div>
  );
}

type HeadingLevel = 2 | 3 | 4;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function Blocks({
  blocks,
  headingLevel,
}: {
  blocks: readonly MdBlock[];
  headingLevel: HeadingLevel;
}) {
  return (
    <>
      {blocks.map((block, index) => (
        <Block key={index} block={block} headingLevel={headingLevel} />
      ))}
    </>
  );
}

function Block({ block, headingLevel }: { block: MdBlock; headingLevel: HeadingLevel }) {
  switch (block.type) {
    case 'paragraph':
      return (
        <p>
          <Inlines nodes={block.children} />
        </p>
      );
    case 'heading': {
      const level = Math.min(6, headingLevel + (block.depth === 1 || block.depth === 2 ? 0 : 1));
      const children = <Inlines nodes={block.children} />;
      if (level === 2) return <h2 className="caselaw-md__heading">{children}</h2>;
      if (level === 3) return <h3 className="caselaw-md__heading">{children}</h3>;
      if (level === 4) return <h4 className="caselaw-md__heading">{children}</h4>;
      return <h5 className="caselaw-md__heading">{children}</h5>;
    }
    case 'list': {
      const items = Array.isArray(block.items) ? block.items : [];
      const children = items.map((item, index) => (
        <li key={index}>
          <Inlines nodes={item} />
        </li>
      ));
      if (!block.ordered) return <ul>{children}</ul>;
      const start = Number.isSafeInteger(block.start) ? block.start : 1;
      return <ol start={start === 1 ? undefined : start}>{children}</ol>;
    }
    case 'quote':
      return (
        <blockquote className="caselaw-md__quote">
          <Blocks blocks={Array.isArray(block.children) ? block.children : []} headingLevel={4} />
        </blockquote>
      );
    default:
      // A block type this client does not know: left out rather than guessed at.
      return null;
  }
}

function Inlines({ nodes }: { nodes: readonly MdInline[] }) {
  if (!Array.isArray(nodes)) return null;
  return (
    <>
      {nodes.map((node, index) => (
        <Fragment key={index}>
          <Inline node={node} />
        </Fragment>
      ))}
    </>
  );
}

function Inline({ node }: { node: MdInline }): ReactNode {
  switch (node.type) {
    case 'text':
      return text(node.text);
    case 'code':
      return <code>{text(node.text)}</code>;
    case 'break':
      return <br />;
    case 'strong':
      return (
        <strong>
          <Inlines nodes={node.children} />
        </strong>
      );
    case 'emphasis':
      return (
        <em>
          <Inlines nodes={node.children} />
        </em>
      );
    case 'link':
      return <Link href={node.href} nodes={node.children} />;
    default:
      return null;
  }
}

function Link({ href, nodes }: { href: string | null; nodes: readonly MdInline[] }) {
  const t = useCaselawT();
  const target = typeof href === 'string' ? safeHref(href) : null;
  if (!target) {
    return (
      <span className="caselaw-md__inert-link">
        <Inlines nodes={nodes} />
      </span>
    );
  }
  return (
    <a href={target} target="_blank" rel="noopener noreferrer">
      <Inlines nodes={nodes} />
      <span className="visually-hidden"> {t('common.opensInNewTab')}</span>
    </a>
  );
}
