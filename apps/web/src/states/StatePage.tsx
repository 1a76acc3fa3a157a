import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading, Page, Section, useErrorMessage } from '../platform';
import { Alert, DataTable, Fact, Facts, useDateTimeFormat } from '../ui';
import { stateName, useStateRevisions, useStates } from './queries';
import { useCalendarDate } from './StatesPage';

const NAME_LANGUAGES = ['en', 'fr', 'ar', 'es'] as const;
const WHEN: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

/**
 * One State Party and every recorded version of it. Who made each version is named by `userName`,
 * given by the app: users belong to identity, which itself builds on States.
 */
export function StatePage({ userName }: { userName: (id: string | null) => string | undefined }) {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const states = useStates();
  const revisions = useStateRevisions(code);
  const date = useCalendarDate();
  const when = useDateTimeFormat(WHEN);
  const state = states.data?.find((s) => s.code === code);

  if (states.isPending) return <Loading />;
  if (!state) {
    return (
      <Page title={t('states.unknown')}>
        <Alert tone="error">{states.error ? describe(states.error) : t('states.unknown')}</Alert>
      </Page>
    );
  }
  return (
    <Page title={stateName(state)} lead={<Link to="/admin/states">{t('states.back')}</Link>}>
      <div className="card">
        <Facts>
          <Fact label={t('states.columns.code')}>
            <span className="ui-table__code">{state.code}</span>
          </Fact>
          {NAME_LANGUAGES.map((language) => (
            <Fact key={language} label={t(`states.nameIn.${language}`)}>
              <span lang={language} dir={language === 'ar' ? 'rtl' : 'ltr'}>
                {state.names[language]}
              </span>
            </Fact>
          ))}
          <Fact label={t('states.columns.group')}>{t(`states.groups.${state.regionalGroup}`)}</Fact>
          <Fact label={t('states.columns.entryIntoForce')}>{date(state.entryIntoForce)}</Fact>
          <Fact label={t('states.columns.withdrawal')}>
            {state.withdrawalEffective ? date(state.withdrawalEffective) : t('common.none')}
          </Fact>
        </Facts>
      </div>
      <Section title={t('states.history.title')} description={t('states.history.description')}>
        {revisions.isPending && <Loading />}
        {revisions.isError && <Alert tone="error">{describe(revisions.error)}</Alert>}
        {revisions.data && (
          <DataTable caption={t('states.history.title')}>
            <thead>
              <tr>
                <th scope="col">{t('states.history.when')}</th>
                <th scope="col">{t('states.history.reason')}</th>
                <th scope="col">{t('states.history.by')}</th>
                <th scope="col">{t('states.history.recorded')}</th>
              </tr>
            </thead>
            <tbody>
              {revisions.data.length === 0 && (
                <tr>
                  <td colSpan={4} className="ui-table__empty">
                    {t('states.history.empty')}
                  </td>
                </tr>
              )}
              {[...revisions.data].reverse().map((revision) => (
                <tr key={`${revision.createdAt}-${revision.reason}`}>
                  <td className="nowrap">
                    <time dateTime={revision.createdAt}>
                      {when.format(new Date(revision.createdAt))}
                    </time>
                  </td>
                  <td>{revision.reason}</td>
                  <td>
                    {revision.actorId
                      ? (userName(revision.actorId) ?? revision.actorId)
                      : t('audit.system')}
                  </td>
                  <td>
                    {stateName(revision.snapshot)}
                    {' · '}
                    {t(`states.groups.${revision.snapshot.regionalGroup}`)}
                    {' · '}
                    {t('states.history.inForce', { date: date(revision.snapshot.entryIntoForce) })}
                    {revision.snapshot.withdrawalEffective &&
                      ` · ${t('states.history.withdrawn', {
                        date: date(revision.snapshot.withdrawalEffective),
                      })}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </Section>
    </Page>
  );
}
