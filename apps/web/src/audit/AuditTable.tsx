import type { AuditEntry } from '@coop/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUserNames } from '../identity';
import { useStateName } from '../states';
import { DataTable, useDateTimeFormat, type Column } from '../ui';

const WHEN: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'medium' };

function Subject({ entry }: { entry: AuditEntry }) {
  const userName = useUserNames();
  const stateName = useStateName();
  if (!entry.subjectType || !entry.subjectId) return null;
  if (entry.subjectType === 'user') {
    return (
      <Link to={`/admin/users/${entry.subjectId}`}>
        {userName(entry.subjectId) ?? entry.subjectId}
      </Link>
    );
  }
  if (entry.subjectType === 'state') return <>{stateName(entry.subjectId)}</>;
  return (
    <span className="ui-table__code" dir="ltr">
      {entry.subjectType} {entry.subjectId}
    </span>
  );
}

/** The log's entries, newest first, each with who did what to which subject. */
export function AuditTable({
  entries,
  isLoading,
  error,
}: {
  entries: readonly AuditEntry[] | undefined;
  isLoading: boolean;
  error: string | null;
}) {
  const { t } = useTranslation();
  const userName = useUserNames();
  const stateName = useStateName();
  const when = useDateTimeFormat(WHEN);
  const columns: Column<AuditEntry>[] = [
    {
      key: 'at',
      heading: t('audit.columns.at'),
      cellProps: { className: 'nowrap' },
      cell: (entry) => (
        <>
          <time dateTime={entry.at}>{when.format(new Date(entry.at))}</time>
          <br />
          <span className="ui-table__muted">{t('audit.seq', { seq: entry.seq })}</span>
        </>
      ),
    },
    {
      key: 'actor',
      heading: t('audit.columns.actor'),
      cell: (entry) =>
        entry.actorId ? (userName(entry.actorId) ?? entry.actorId) : t('audit.system'),
    },
    {
      key: 'action',
      heading: t('audit.columns.action'),
      cell: (entry) => (
        <span className="ui-table__code" dir="ltr">
          {entry.action}
        </span>
      ),
    },
    {
      key: 'subject',
      heading: t('audit.columns.subject'),
      cell: (entry) => <Subject entry={entry} />,
    },
    {
      key: 'state',
      heading: t('audit.columns.state'),
      cell: (entry) => (entry.stateCode ? stateName(entry.stateCode) : ''),
    },
    {
      key: 'details',
      heading: t('audit.columns.details'),
      cell: (entry) =>
        Object.keys(entry.details).length > 0 && (
          <code className="audit__details" dir="ltr">
            {JSON.stringify(entry.details)}
          </code>
        ),
    },
  ];
  return (
    <DataTable
      caption={t('audit.title')}
      columns={columns}
      rows={entries}
      rowKey={(entry) => entry.seq}
      isLoading={isLoading}
      error={error}
      empty={t('audit.empty')}
    />
  );
}
