import { useParams, useSearchParams, Link, useLocation } from 'react-router';
import { ApiProblem, hasRole, useErrorMessage, useMe } from '../../platform';
import { Alert, Loading } from '../../ui';
import { useCaselawView } from '../queries';
import { CaselawPage } from '../CaselawPage';
import { interfaceLanguage, useCaselawT } from '../i18n';
import { isContentLanguage, pick } from '../labels';
import { CaselawBody } from './CaselawBody';

/** Where the reader came from, when it was a search: the way back keeps their filters. */
function searchFrom(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'fromSearch' in state) {
    const value = state.fromSearch;
    if (typeof value === 'string' && value.startsWith('?')) return value;
  }
  return '';
}

/** A published entry or explainer, with its texts in every language it has. */
export function EntryPage() {
  const t = useCaselawT();
  const describe = useErrorMessage();
  const { id = '' } = useParams();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const { data: me } = useMe();
  const view = useCaselawView(id);
  const wanted = params.get('lang');
  const language = isContentLanguage(wanted) ? wanted : interfaceLanguage();
  const back = (
    <Link to={`/caselaw${searchFrom(location.state)}`} className="caselaw-back">
      {t('entry.back')}
    </Link>
  );

  if (view.isPending) return <Loading />;
  if (view.isError) {
    const missing = view.error instanceof ApiProblem && view.error.problem.status === 404;
    return (
      <CaselawPage title={missing ? t('entry.notFoundTitle') : t('entry.errorTitle')}>
        <Alert tone="error">{missing ? t('entry.notFound') : describe(view.error)}</Alert>
        {back}
      </CaselawPage>
    );
  }
  const data = view.data;
  const title = pick(data.title, language);
  return (
    <CaselawPage
      title={title?.value ?? data.id}
      titleLang={title?.lang}
      className="caselaw-entry-page"
      actions={
        hasRole(me, 'facilitator') ? (
          <Link
            to={`/caselaw/editor/${encodeURIComponent(data.id)}`}
            className="caselaw-button-link"
          >
            {t('editor.edit')}
          </Link>
        ) : undefined
      }
    >
      {back}
      <CaselawBody
        view={data}
        language={language}
        onLanguage={(next) =>
          setParams(
            (current) => {
              const copy = new URLSearchParams(current);
              copy.set('lang', next);
              return copy;
            },
            { replace: true, state: location.state },
          )
        }
      />
    </CaselawPage>
  );
}
