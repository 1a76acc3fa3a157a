import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutationFeedback } from '../../platform';
import { Alert, FormDialog, Loading, SelectField } from '../../ui';
import { useUsers } from '../users/queries';
import { useRequestAdminGrant } from './queries';

/** Asks a second Registry admin to make an active person a Registry admin too. */
export function RequestDialog({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const users = useUsers({ status: 'active' });
  const request = useRequestAdminGrant();
  const [userId, setUserId] = useState<string | null>(null);
  const feedback = useMutationFeedback(request);
  const candidates = (users.data ?? [])
    .filter((user) => !user.roles.includes('registry_admin'))
    .map((user) => ({ id: user.id, label: `${user.displayName} (${user.email})` }));
  return (
    <FormDialog
      title={t('approvals.request.title')}
      onSubmit={() => {
        if (userId) request.mutate(userId, { onSuccess: onDone });
      }}
      onClose={onClose}
      submitLabel={t('approvals.request.submit')}
      isSubmitDisabled={!userId}
      {...feedback}
    >
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
    </FormDialog>
  );
}
