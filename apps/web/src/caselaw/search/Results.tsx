import type { Language, SearchResult } from '@coop/contracts';
import { useEffect, useRef } from 'react';
import { Link, useLocation } from 'react-router';
import { Badge } from '../../ui';
import { DocNumbers } from '../DocNumbers';
import { useCaselawT } from '../i18n';
import { chamberName, directionOf, documentTypeName, longDate, pick } from '../labels';
import { Snippet } from './Snippet';

function ResultItem({
  result,
  language,
  uiLanguage,
  linkRef,
}: {
  result: SearchResult;
  language: Language;
  uiLanguage: Language;
  linkRef?: (element: HTMLAnchorElement | null) => void;
}) {
  const t = useCaselawT();
  const { search } = useLocation();
  const title = pick(result.title, language);
  const exact = result.matchedBy.includes('document-number');
  return (
    <li className="caselaw-result">
      <h3 className="caselaw-result__title">
        <Link
          ref={linkRef}
          state={{ fromSearch: search }}
          to={`/caselaw/${encodeURIComponent(result.id)}${language === uiLanguage ? '' : `?lang=${language}`}`}
          lang={title?.lang}
          dir={title ? directionOf(title.lang) : undefined}
        >
          {title?.value ?? result.id}
        </Link>
      </h3>
      <p className="caselaw-result__meta">
        {result.kind === 'explainer' && <Badge tone="neutral">{t('kind.explainer')}</Badge>}
        {exact && <Badge tone="positive">{t('results.exactNumber')}</Badge>}
        {result.documentNumbers.length > 0 && <DocNumbers numbers={result.documentNumbers} />}
        {result.chamber && <span>{chamberName(result.chamber, uiLanguage)}</span>}
        {result.documentType && <span>{documentTypeName(result.documentType, uiLanguage)}</span>}
        {result.date && (
          <time dateTime={result.date} className="nowrap">
            {longDate(result.date, uiLanguage)}
          </time>
        )}
      </p>
      {result.snippet && result.snippet.segments.length > 0 && <Snippet snippet={result.snippet} />}
      {result.articles.length > 0 && (
        <p className="caselaw-result__articles">
          <span className="caselaw-result__label">{t('results.articles')}</span>{' '}
          {result.articles.map((a) => a.display).join(', ')}
        </p>
      )}
    </li>
  );
}

/**
 * The results found so far. When more are loaded, focus moves to the first new one, so a
 * keyboard or screen-reader user carries on reading where the list grew.
 */
export function Results({
  results,
  language,
  uiLanguage,
  focusFrom,
  labelledBy,
}: {
  results: SearchResult[];
  language: Language;
  uiLanguage: Language;
  /** Index of the first result of the page just loaded, or null when nothing was added. */
  focusFrom: number | null;
  labelledBy: string;
}) {
  const links = useRef<(HTMLAnchorElement | null)[]>([]);
  useEffect(() => {
    if (focusFrom !== null && focusFrom > 0) links.current[focusFrom]?.focus();
  }, [focusFrom]);
  return (
    <ol className="caselaw-results" aria-labelledby={labelledBy}>
      {results.map((result, index) => (
        <ResultItem
          key={result.id}
          result={result}
          language={language}
          uiLanguage={uiLanguage}
          linkRef={(element) => {
            links.current[index] = element;
          }}
        />
      ))}
    </ol>
  );
}
