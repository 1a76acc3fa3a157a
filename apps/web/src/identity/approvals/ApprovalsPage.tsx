import type { Approval, IssuedInvitation } from '@coop/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page, useErrorMessage, useMe, useSearchFilter } from '../../platform';
import {
  Alert,
  Badge,
  Button,
  DataTable,
  SelectField,
  timeColumn,
  useDateTimeFormat,
  type BadgeTone,
  type Column,
} from '../../ui';
import { LinkDialog } from '../invitations/LinkDialog';
import { useUserNames } from '../users/queries';
import { useChangeText } from './change-text';
import { DecisionDialog, type Decision } from './DecisionDialog';
import { APPROVAL_STATUSES, useApprovals, useCancelApproval, type ApprovalStatus } from './queries';
import { RequestDialog } from './RequestDialog';

const ALL = 'all';
const FILTERS: readonly (ApprovalStatus | typeof ALL)[] = [...APPROVAL_STATUSES, ALL];
const WHEN: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
const TONES: Readonly<Record<ApprovalStatus, BadgeTone>> = {
  pending: 'neutral',
  approved: 'positive',
  rejected: 'negative',
  cancelled: 'warning',
  void: 'warning',
};

/** The requests' columns; `who` names a user, `myId` is the signed-in admin's. */
function useColumns(
  who: (id: string | null) => string,
  myId: string | undefined,
): Column<Approval>[] {
  const { t } = useTranslation();
  const changeText = useChangeText();
  const when = useDateTimeFormat(WHEN);
  const date = (iso: string | null) =>
    iso ? <time dateTime={iso}>{when.format(new Date(iso))}</time> : '';
  return [
    {
      key: 'person',
      heading: t('approvals.columns.person'),
      primary: true,
      cell: (grant) => who(grant.userId),
    },
    {
      key: 'change',
      heading: t('approvals.columns.change'),
      cell: (grant) => (
        <>
          {changeText(grant)}
          {grant.note && <span className="ui-table__muted"> ({grant.note})</span>}
        </>
      ),
    },
    {
      key: 'requestedBy',
      heading: t('approvals.columns.requestedBy'),
      cell: (grant) => (
        <>
          {who(grant.requestedBy)}
          {grant.requestedBy === myId && (
            <span className="ui-table__muted"> ({t('approvals.you')})</span>
          )}
        </>
      ),
    },
    timeColumn('requestedAt', t('approvals.columns.requestedAt'), (g) => g.requestedAt, when),
    {
      key: 'status',
      heading: t('approvals.columns.status'),
      cell: (grant) => (
        <Badge tone={TONES[grant.status]}>{t(`approvals.status.${grant.status}`)}</Badge>
      ),
    },
    {
      key: 'decidedBy',
      heading: t('approvals.columns.decidedBy'),
      cell: (grant) => (
        <>
          {who(grant.decidedBy)}
          {grant.decidedAt && (
            <>
              <br />
              <span className="ui-table__muted">{date(grant.decidedAt)}</span>
            </>
          )}
        </>
      ),
    },
  ];
}

/**
 * What Registry admins asked of each other: access changes that wait for a second admin. The
 * requester may cancel their own; anyone else decides. An approved recovery shows its link here,
 * once, to the admin who approved it.
 */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const { data: me } = useMe();
  // Pending requests are what an admin comes here for; the others are a filter away.
  const [status, setStatus] = useSearchFilter('status', FILTERS);
  const shownStatus = status ?? 'pending';
  const grants = useApprovals(shownStatus === ALL ? undefined : shownStatus);
  const cancel = useCancelApproval();
  const [issued, setIssued] = useState<{ issued: IssuedInvitation; name: string } | null>(null);
  const name = useUserNames();
  const [requesting, setRequesting] = useState(false);
  const [deciding, setDeciding] = useState<Decision | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const who = (id: string | null) => (id ? (name(id) ?? id) : '');
  const myId = me?.user.id;
  const columns = useColumns(who, myId);

  const actions = (grant: Approval) => {
    if (grant.status !== 'pending') return null;
    if (grant.requestedBy === myId) {
      return (
        <Button
          variant="secondary"
          size="small"
          isPending={cancel.isPending && cancel.variables === grant.id}
          aria-label={t('approvals.cancelOne', { name: who(grant.userId) })}
          onPress={() => {
            setDone(null);
            cancel.mutate(grant.id, { onSuccess: () => setDone(t('approvals.cancelled')) });
          }}
        >
          {t('approvals.cancel')}
        </Button>
      );
    }
    return (['approve', 'reject'] as const).map((decision) => (
      <Button
        key={decision}
        variant={decision === 'approve' ? 'secondary' : 'danger'}
        size="small"
        aria-label={t(`approvals.decide.${decision}One`, { name: who(grant.userId) })}
        onPress={() => {
          setDone(null);
          setDeciding({ grant, decision });
        }}
      >
        {t(`approvals.decide.${decision}`)}
      </Button>
    ));
  };

  return (
    <Page
      title={t('approvals.title')}
      lead={t('approvals.lead')}
      actions={
        <Button
          onPress={() => {
            setDone(null);
            setRequesting(true);
          }}
        >
          {t('approvals.request.open')}
        </Button>
      }
    >
      <div className="ui-filters" role="group" aria-label={t('approvals.filterLabel')}>
        <SelectField
          label={t('approvals.columns.status')}
          options={[
            ...APPROVAL_STATUSES.map((s) => ({ id: s, label: t(`approvals.status.${s}`) })),
            { id: ALL, label: t('common.all') },
          ]}
          value={shownStatus}
          onChange={(value) => setStatus(value === 'pending' ? undefined : value)}
        />
      </div>
      {done && <Alert tone="success">{done}</Alert>}
      {cancel.error && <Alert tone="error">{describe(cancel.error)}</Alert>}
      <DataTable
        caption={t('approvals.title')}
        columns={columns}
        rows={grants.data}
        rowKey={(grant) => grant.id}
        isLoading={grants.isPending}
        error={describe(grants.error)}
        empty={t('approvals.empty')}
        actions={actions}
      />
      {requesting && (
        <RequestDialog
          onClose={() => setRequesting(false)}
          onDone={() => {
            setRequesting(false);
            setDone(t('approvals.request.done'));
          }}
        />
      )}
      {deciding && (
        <DecisionDialog
          deciding={deciding}
          name={who(deciding.grant.userId)}
          onClose={() => setDeciding(null)}
          onDecided={(link) => {
            const person = who(deciding.grant.userId);
            setDeciding(null);
            setDone(t(`approvals.decide.${deciding.decision}Done`, { name: person }));
            if (link) setIssued({ issued: link, name: person });
          }}
        />
      )}
      {issued && (
        <LinkDialog link={issued.issued.link} name={issued.name} onClose={() => setIssued(null)} />
      )}
    </Page>
  );
}
