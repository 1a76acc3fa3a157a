import type { Snippet as SnippetData } from '@coop/contracts';
import { directionOf, isContentLanguage } from '../labels';

/**
 * An excerpt as the API cut it: plain-text segments, the matching ones in <mark>. Nothing in it
 * is ever read as HTML.
 */
export function Snippet({ snippet }: { snippet: SnippetData }) {
  const lang = isContentLanguage(snippet.lang) ? snippet.lang : undefined;
  const segments = Array.isArray(snippet.segments) ? snippet.segments : [];
  return (
    <p className="caselaw-snippet" lang={lang} dir={lang ? directionOf(lang) : undefined}>
      {snippet.truncatedStart && '… '}
      {segments.map((segment, index) => {
        const text = typeof segment.text === 'string' ? segment.text : '';
        return segment.hit ? <mark key={index}>{text}</mark> : <span key={index}>{text}</span>;
      })}
      {snippet.truncatedEnd && ' …'}
    </p>
  );
}
