import { DOCUMENT_NUMBER, documentKey, type Language, type SearchResponse } from '@coop/contracts';
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { Link, useNavigate } from 'react-router';
import { hasRole, useErrorMessage, useMe } from '../../platform';
import { Alert, Button, Loading, Select, TextField } from '../../ui';
import { useCaselawSearch } from '../queries';
import { CaselawPage } from '../CaselawPage';
import { interfaceLanguage, useCaselawT } from '../i18n';
import { CONTENT_LANGUAGES, NATIVE_NAMES } from '../labels';
import { Facets } from './Facets';
import { Results } from './Results';
import { apiParams, emptyFilters, hasFilters, useSearchState } from './search-params';

/** The query is one document number and nothing else: ICC-01/22-90, "ICC-01/22-90". */
function soleDocumentNumber(q: string): string | null {
  const bare = q.trim().replace(/^["«»“”\s]+|["«»“”\s]+$/g, '');
  const canonical = `ICC-${bare.slice(4)}`.replace(/^ICC-acred-/i, 'ICC-ACRed-');
  return /^ICC-/i.test(bare) && DOCUMENT_NUMBER.test(canonical) ? documentKey(canonical) : null;
}

function SearchForm({ initial, onSearch }: { initial: string; onSearch: (q: string) => void }) {
  const t = useCaselawT();
  const [draft, setDraft] = useState(initial);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSearch(draft);
  };
  return (
    <Form className="caselaw-search" role="search" aria-label={t('search.label')} onSubmit={submit}>
      <TextField
        name="q"
        type="search"
        label={t('search.label')}
        description={t('search.hint')}
        value={draft}
        onChange={setDraft}
        maxLength={300}
        className="caselaw-search__field"
        inputDir="auto"
      />
      <Button type="submit" className="caselaw-search__submit">
        {t('search.submit')}
      </Button>
    </Form>
  );
}

export function SearchPage() {
  const t = useCaselawT();
  const describe = useErrorMessage();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const [state, update] = useSearchState();
  const params = apiParams(state);
  const search = useCaselawSearch(params);
  const uiLanguage = interfaceLanguage();
  const resultsHeading = useId();
  const jumpTo = useRef<string | null>(null);
  const [focusFrom, setFocusFrom] = useState<number | null>(null);

  const pages = search.data?.pages ?? [];
  const first = pages[0];
  const results = pages.flatMap((page) => page.results);
  const sort = state.sort ?? (state.q ? 'relevance' : 'date');

  const open = useCallback(
    (response: SearchResponse, wanted: string): boolean => {
      const hit = response.results.find(
        (r) =>
          r.matchedBy.includes('document-number') &&
          r.documentNumbers.some((n) => documentKey(n) === wanted),
      );
      if (hit) {
        void navigate(
          `/caselaw/${encodeURIComponent(hit.id)}${state.langChosen ? `?lang=${state.lang}` : ''}`,
        );
      }
      return !!hit;
    },
    [navigate, state.lang, state.langChosen],
  );

  // A search for exactly one document number opens that record when it is found.
  useEffect(() => {
    const wanted = jumpTo.current;
    if (!wanted || search.isPlaceholderData || !first) return;
    jumpTo.current = null;
    open(first, wanted);
  }, [first, search.isPlaceholderData, open]);

  const onSearch = (q: string) => {
    setFocusFrom(null);
    const wanted = soleDocumentNumber(q);
    if (wanted && q.trim() === state.q && first && !search.isPlaceholderData) {
      if (open(first, wanted)) return;
    }
    jumpTo.current = wanted;
    update({ q }, true);
  };

  const loadMore = async () => {
    const before = results.length;
    const next = await search.fetchNextPage();
    if (!next.isError) setFocusFrom(before);
  };

  const languageOptions = CONTENT_LANGUAGES.map((code) => ({
    id: code,
    label: NATIVE_NAMES[code],
    lang: code,
  }));
  const sortOptions = [
    { id: 'relevance' as const, label: t('search.sortRelevance') },
    { id: 'date' as const, label: t('search.sortDate') },
  ];

  return (
    <CaselawPage
      title={t('search.title')}
      lead={t('search.lead')}
      className="caselaw-search-page"
      actions={
        hasRole(me, 'facilitator') ? (
          <Link to="/caselaw/editor" className="caselaw-button-link">
            {t('editor.title')}
          </Link>
        ) : undefined
      }
    >
      <SearchForm key={state.q} initial={state.q} onSearch={onSearch} />
      <div className="caselaw-search__options">
        <Select<Language>
          label={t('search.contentLanguage')}
          options={languageOptions}
          value={state.lang}
          onChange={(lang) => update({ lang })}
          className="caselaw-select"
        />
        <Select<'relevance' | 'date'>
          label={t('search.sort')}
          options={sortOptions}
          value={sort}
          onChange={(next) => update({ sort: next })}
          className="caselaw-select"
        />
      </div>
      {first && first.understood.documentNumbers.length + first.understood.articles.length > 0 && (
        <p className="caselaw-understood">
          <span>{t('search.understood')}</span>{' '}
          {first.understood.documentNumbers.map((n) => (
            <span key={n} className="caselaw-chip" dir="ltr">
              {n}
            </span>
          ))}
          {first.understood.articles.map((a) => (
            <span key={a.key} className="caselaw-chip">
              {a.display}
            </span>
          ))}
        </p>
      )}
      <div className="caselaw-search__body">
        {first && (
          <Facets
            facets={first.facets}
            selected={state.filters}
            onChange={(name, values) => {
              setFocusFrom(null);
              update({ filters: { [name]: values } });
            }}
            onClear={() => update({ filters: emptyFilters() })}
          />
        )}
        <section
          className="caselaw-search__results"
          aria-labelledby={resultsHeading}
          aria-busy={search.isFetching && !search.isFetchingNextPage}
        >
          <h2 id={resultsHeading} className="visually-hidden">
            {t('results.title')}
          </h2>
          <p className="caselaw-search__count" role="status">
            {first ? t('results.count', { count: first.total }) : ''}
          </p>
          {search.isPending && <Loading />}
          {search.isError && (
            <Alert tone="error">
              <p>{describe(search.error) ?? t('results.error')}</p>
              <Button variant="secondary" size="small" onPress={() => void search.refetch()}>
                {t('results.retry')}
              </Button>
            </Alert>
          )}
          {first && first.total === 0 && (
            <div className="caselaw-empty">
              <p>
                <strong>{t('results.none')}</strong>
              </p>
              <p>{t('results.noneHelp')}</p>
              {hasFilters(state.filters) && (
                <Button variant="secondary" onPress={() => update({ filters: emptyFilters() })}>
                  {t('facets.clear')}
                </Button>
              )}
            </div>
          )}
          {results.length > 0 && (
            <Results
              results={results}
              language={state.lang}
              uiLanguage={uiLanguage}
              focusFrom={focusFrom}
              labelledBy={resultsHeading}
            />
          )}
          {search.hasNextPage && (
            <Button
              variant="secondary"
              className="caselaw-search__more"
              isPending={search.isFetchingNextPage}
              onPress={() => void loadMore()}
            >
              {t('results.more')}
            </Button>
          )}
        </section>
      </div>
    </CaselawPage>
  );
}
