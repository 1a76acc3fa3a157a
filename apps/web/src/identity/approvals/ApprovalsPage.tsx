import type { Approval, IssuedInvitation, Role } from '@coop/contracts';
import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Loading, Page, useErrorMessage, useMe, useSearchFilter } from '../../platform';
import {
  Alert,
  Badge,
  Button,
  ConfirmDialog,
  DataTable,
  ModalDialog,
  SelectField,
  useDateTimeFormat,
  type BadgeTone,
} from '../../ui';
import { LinkDialog } from '../invitations/LinkDialog';
import { useUserNames, useUsers } from '../users/queries';
import {
  APPROVAL_STATUSES,
  useApprovals,
  useCancelApproval,
  useDecideApproval,
  useRequestAdminGrant,
  type ApprovalStatus,
} from './queries';

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

/** What the second admin is asked to approve, in words. */
function useChangeText(): (approval: Approval) => string {
  const { t } = useTranslation();
  const role = (r: Role) => t(`roles.${r}`);
  return ({ kind, change }) => {
    switch (kind) {
      case 'user.update':
        return t('approvals.change.update', {
          roles: (change.roles ?? []).map(role).join(', '),
          state: change.stateCode ?? '—',
        });
      case 'user.status':
        return t(`approvals.change.status.${change.status ?? 'suspended'}`, {
          reason: change.reason ?? '',
        });
      default:
        return t(`approvals.kind.${kind}`);
    }
  };
}

function RequestDialog({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const users = useUsers({ status: 'active' });
  const request = useRequestAdminGrant();
  const [userId, setUserId] = useState<string | null>(null);
  const candidates = (users.data ?? [])
    .filter((user) => !user.roles.includes('registry_admin'))
    .map((user) => ({ id: user.id, label: `${user.displayName} (${user.email})` }));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (userId) request.mutate(userId, { onSuccess: onDone });
  };
  const error = describe(request.error);
  return (
    <ModalDialog
      title={t('approvals.request.title')}
      isOpen
      isDismissable={!request.isPending}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <Form className="ui-form" validationBehavior="aria" onSubmit={submit}>
        <p>{t('approvals.request.body')}</p>
        {users.isPending ? (
          <Loading />
        ) : candidates.length === 0 ? (
          <Alert tone="info">{t('approvals.request.nobody')}</Alert>
        ) : (
          <SelectField
            name="userId"
            label={t('approvals.request.person')}
            placeholder={t('approvals.request.placeholder')}
            options={candidates}
            value={userId}
            onChange={setUserId}
            isRequired
          />
        )}
        {error && <Alert tone="error">{error}</Alert>}
        <div className="ui-dialog__actions">
          <Button variant="secondary" isDisabled={request.isPending} onPress={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" isDisabled={!userId} isPending={request.isPending}>
            {t('approvals.request.submit')}
          </Button>
        </div>
      </Form>
    </ModalDialog>
  );
}

type Decision = { grant: Approval; decision: 'approve' | 'reject' };

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
  const decide = useDecideApproval();
  const cancel = useCancelApproval();
  const changeText = useChangeText();
  const [issued, setIssued] = useState<{ issued: IssuedInvitation; name: string } | null>(null);
  const name = useUserNames();
  const when = useDateTimeFormat(WHEN);
  const [requesting, setRequesting] = useState(false);
  const [deciding, setDeciding] = useState<Decision | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const who = (id: string | null) => (id ? (name(id) ?? id) : '');
  const date = (iso: string | null) =>
    iso ? <time dateTime={iso}>{when.format(new Date(iso))}</time> : '';

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
      {grants.isPending && <Loading />}
      {grants.isError && <Alert tone="error">{describe(grants.error)}</Alert>}
      {grants.data && (
        <DataTable caption={t('approvals.title')}>
          <thead>
            <tr>
              <th scope="col">{t('approvals.columns.person')}</th>
              <th scope="col">{t('approvals.columns.change')}</th>
              <th scope="col">{t('approvals.columns.requestedBy')}</th>
              <th scope="col">{t('approvals.columns.requestedAt')}</th>
              <th scope="col">{t('approvals.columns.status')}</th>
              <th scope="col">{t('approvals.columns.decidedBy')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {grants.data.length === 0 && (
              <tr>
                <td colSpan={7} className="ui-table__empty">
                  {t('approvals.empty')}
                </td>
              </tr>
            )}
            {grants.data.map((grant) => (
              <tr key={grant.id}>
                <th scope="row">{who(grant.userId)}</th>
                <td>
                  {changeText(grant)}
                  {grant.note && <span className="ui-table__muted"> ({grant.note})</span>}
                </td>
                <td>
                  {who(grant.requestedBy)}
                  {grant.requestedBy === me?.user.id && (
                    <span className="ui-table__muted"> ({t('approvals.you')})</span>
                  )}
                </td>
                <td>{date(grant.requestedAt)}</td>
                <td>
                  <Badge tone={TONES[grant.status]}>{t(`approvals.status.${grant.status}`)}</Badge>
                </td>
                <td>
                  {who(grant.decidedBy)}
                  {grant.decidedAt && (
                    <>
                      <br />
                      <span className="ui-table__muted">{date(grant.decidedAt)}</span>
                    </>
                  )}
                </td>
                <td className="ui-table__actions">
                  {grant.status === 'pending' && grant.requestedBy === me?.user.id && (
                    <Button
                      variant="secondary"
                      size="small"
                      isPending={cancel.isPending && cancel.variables === grant.id}
                      aria-label={t('approvals.cancelOne', { name: who(grant.userId) })}
                      onPress={() => {
                        setDone(null);
                        cancel.mutate(grant.id, {
                          onSuccess: () => setDone(t('approvals.cancelled')),
                        });
                      }}
                    >
                      {t('approvals.cancel')}
                    </Button>
                  )}
                  {grant.status === 'pending' &&
                    grant.requestedBy !== me?.user.id &&
                    (['approve', 'reject'] as const).map((decision) => (
                      <Button
                        key={decision}
                        variant={decision === 'approve' ? 'secondary' : 'danger'}
                        size="small"
                        aria-label={t(`approvals.decide.${decision}One`, {
                          name: who(grant.userId),
                        })}
                        onPress={() => {
                          decide.reset();
                          setDone(null);
                          setDeciding({ grant, decision });
                        }}
                      >
                        {t(`approvals.decide.${decision}`)}
                      </Button>
                    ))}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      {requesting && (
        <RequestDialog
          onClose={() => setRequesting(false)}
          onDone={() => {
            setRequesting(false);
            setDone(t('approvals.request.done'));
          }}
        />
      )}
      <ConfirmDialog
        title={
          deciding
            ? t(`approvals.decide.${deciding.decision}Title`, {
                name: who(deciding.grant.userId),
              })
            : ''
        }
        isOpen={deciding !== null}
        onCancel={() => setDeciding(null)}
        confirmLabel={deciding ? t(`approvals.decide.${deciding.decision}`) : ''}
        cancelLabel={t('common.cancel')}
        tone={deciding?.decision === 'reject' ? 'danger' : 'primary'}
        isPending={decide.isPending}
        error={describe(decide.error)}
        onConfirm={() => {
          if (!deciding) return;
          const { grant, decision } = deciding;
          decide.mutate(
            { id: grant.id, decision },
            {
              onSuccess: (answer) => {
                setDeciding(null);
                setDone(t(`approvals.decide.${decision}Done`, { name: who(grant.userId) }));
                if (answer.issued) setIssued({ issued: answer.issued, name: who(grant.userId) });
              },
            },
          );
        }}
      >
        <p>{deciding && changeText(deciding.grant)}</p>
        <p>
          {deciding?.decision === 'approve'
            ? t(`approvals.decide.approveBody.${deciding.grant.kind}`)
            : t('approvals.decide.rejectBody')}
        </p>
      </ConfirmDialog>
      {issued && (
        <LinkDialog link={issued.issued.link} name={issued.name} onClose={() => setIssued(null)} />
      )}
    </Page>
  );
}
