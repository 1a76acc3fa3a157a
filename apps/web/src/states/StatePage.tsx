import type { StateRevision } from '@coop/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Page, Section, useErrorMessage } from '../platform';
import {
  Alert,
  DataTable,
  Fact,
  Facts,
  Loading,
  timeColumn,
  type Column,
  useDateTimeFormat,
} from '../ui';
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
  const columns: Column<StateRevision>[] = [
    {
      ...timeColumn('when', t('states.history.when'), (revision) => revision.createdAt, when),
      cellProps: { className: 'nowrap' },
    },
    { key: 'reason', heading: t('states.history.reason'), cell: (revision) => revision.reason },
    {
      key: 'by',
      heading: t('states.history.by'),
      cell: (revision) =>
        revision.actorId ? (userName(revision.actorId) ?? revision.actorId) : t('audit.system'),
    },
    {
      key: 'recorded',
      heading: t('states.history.recorded'),
      cell: ({ snapshot }) => (
        <>
          {stateName(snapshot)}
          {' · '}
          {t(`states.groups.${snapshot.regionalGroup}`)}
          {' · '}
          {t('states.history.inForce', { date: date(snapshot.entryIntoForce) })}
          {snapshot.withdrawalEffective &&
            ` · ${t('states.history.withdrawn', { date: date(snapshot.withdrawalEffective) })}`}
        </>
      ),
    },
  ];

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
        <DataTable
          caption={t('states.history.title')}
          columns={columns}
          rows={revisions.data && [...revisions.data].reverse()}
          rowKey={(revision) => `${revision.createdAt}-${revision.reason}`}
          isLoading={revisions.isPending}
          error={describe(revisions.error)}
          empty={t('states.history.empty')}
        />
      </Section>
    </Page>
  );
}
