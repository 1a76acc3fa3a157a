import type { AdminGrant } from '@coop/contracts';
import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/auth';
import { useErrorMessage } from '../../app/errors';
import { Loading } from '../../app/guards';
import { Page } from '../../app/Page';
import { useSearchFilter } from '../../app/search-filters';
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
import { useUserNames, useUsers } from '../users/queries';
import {
  GRANT_STATUSES,
  useAdminGrants,
  useDecideAdminGrant,
  useRequestAdminGrant,
  type GrantStatus,
} from './queries';

const ALL = 'all';
const FILTERS: readonly (GrantStatus | typeof ALL)[] = [...GRANT_STATUSES, ALL];
const WHEN: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
const TONES: Readonly<Record<GrantStatus, BadgeTone>> = {
  pending: 'neutral',
  approved: 'positive',
  rejected: 'negative',
  cancelled: 'warning',
};

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
      title={t('adminGrants.request.title')}
      isOpen
      isDismissable={!request.isPending}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <Form className="ui-form" validationBehavior="aria" onSubmit={submit}>
        <p>{t('adminGrants.request.body')}</p>
        {users.isPending ? (
          <Loading />
        ) : candidates.length === 0 ? (
          <Alert tone="info">{t('adminGrants.request.nobody')}</Alert>
        ) : (
          <SelectField
            name="userId"
            label={t('adminGrants.request.person')}
            placeholder={t('adminGrants.request.placeholder')}
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
            {t('adminGrants.request.submit')}
          </Button>
        </div>
      </Form>
    </ModalDialog>
  );
}

type Decision = { grant: AdminGrant; decision: 'approve' | 'reject' };

export function AdminGrantsPage() {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const { data: me } = useMe();
  // Pending requests are what an admin comes here for; the others are a filter away.
  const [status, setStatus] = useSearchFilter('status', FILTERS);
  const shownStatus = status ?? 'pending';
  const grants = useAdminGrants(shownStatus === ALL ? undefined : shownStatus);
  const decide = useDecideAdminGrant();
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
      title={t('adminGrants.title')}
      lead={t('adminGrants.lead')}
      actions={
        <Button
          onPress={() => {
            setDone(null);
            setRequesting(true);
          }}
        >
          {t('adminGrants.request.open')}
        </Button>
      }
    >
      <div className="ui-filters" role="group" aria-label={t('adminGrants.filterLabel')}>
        <SelectField
          label={t('adminGrants.columns.status')}
          options={[
            ...GRANT_STATUSES.map((s) => ({ id: s, label: t(`adminGrants.status.${s}`) })),
            { id: ALL, label: t('common.all') },
          ]}
          value={shownStatus}
          onChange={(value) => setStatus(value === 'pending' ? undefined : value)}
        />
      </div>
      {done && <Alert tone="success">{done}</Alert>}
      {grants.isPending && <Loading />}
      {grants.isError && <Alert tone="error">{describe(grants.error)}</Alert>}
      {grants.data && (
        <DataTable caption={t('adminGrants.title')}>
          <thead>
            <tr>
              <th scope="col">{t('adminGrants.columns.person')}</th>
              <th scope="col">{t('adminGrants.columns.requestedBy')}</th>
              <th scope="col">{t('adminGrants.columns.requestedAt')}</th>
              <th scope="col">{t('adminGrants.columns.status')}</th>
              <th scope="col">{t('adminGrants.columns.decidedBy')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {grants.data.length === 0 && (
              <tr>
                <td colSpan={6} className="ui-table__empty">
                  {t('adminGrants.empty')}
                </td>
              </tr>
            )}
            {grants.data.map((grant) => (
              <tr key={grant.id}>
                <th scope="row">{who(grant.userId)}</th>
                <td>
                  {who(grant.requestedBy)}
                  {grant.requestedBy === me?.user.id && (
                    <span className="ui-table__muted"> ({t('adminGrants.you')})</span>
                  )}
                </td>
                <td>{date(grant.requestedAt)}</td>
                <td>
                  <Badge tone={TONES[grant.status]}>
                    {t(`adminGrants.status.${grant.status}`)}
                  </Badge>
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
                  {grant.status === 'pending' &&
                    (['approve', 'reject'] as const).map((decision) => (
                      <Button
                        key={decision}
                        variant={decision === 'approve' ? 'secondary' : 'danger'}
                        size="small"
                        aria-label={t(`adminGrants.decide.${decision}One`, {
                          name: who(grant.userId),
                        })}
                        onPress={() => {
                          decide.reset();
                          setDone(null);
                          setDeciding({ grant, decision });
                        }}
                      >
                        {t(`adminGrants.decide.${decision}`)}
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
            setDone(t('adminGrants.request.done'));
          }}
        />
      )}
      <ConfirmDialog
        title={
          deciding
            ? t(`adminGrants.decide.${deciding.decision}Title`, {
                name: who(deciding.grant.userId),
              })
            : ''
        }
        isOpen={deciding !== null}
        onCancel={() => setDeciding(null)}
        confirmLabel={deciding ? t(`adminGrants.decide.${deciding.decision}`) : ''}
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
              onSuccess: () => {
                setDeciding(null);
                setDone(t(`adminGrants.decide.${decision}Done`, { name: who(grant.userId) }));
              },
            },
          );
        }}
      >
        <p>
          {deciding?.decision === 'approve'
            ? t('adminGrants.decide.approveBody')
            : t('adminGrants.decide.rejectBody')}
        </p>
      </ConfirmDialog>
    </Page>
  );
}
