import type { Approval, IssuedInvitation } from '@coop/contracts';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../platform';
import { ConfirmDialog } from '../../ui';
import { useChangeText } from './change-text';
import { useDecideApproval } from './queries';

export type Decision = { grant: Approval; decision: 'approve' | 'reject' };

/** Asks a second admin to confirm their approval or rejection of another admin's request. */
export function DecisionDialog({
  deciding,
  name,
  onClose,
  onDecided,
}: {
  deciding: Decision;
  /** The name of the person the request is about. */
  name: string;
  onClose: () => void;
  /** An approved recovery comes back with its link, shown once. */
  onDecided: (issued: IssuedInvitation | null) => void;
}) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const decide = useDecideApproval();
  const changeText = useChangeText();
  const { grant, decision } = deciding;
  return (
    <ConfirmDialog
      title={t(`approvals.decide.${decision}Title`, { name })}
      isOpen
      onCancel={onClose}
      confirmLabel={t(`approvals.decide.${decision}`)}
      tone={decision === 'reject' ? 'danger' : 'primary'}
      isPending={decide.isPending}
      error={describe(decide.error)}
      onConfirm={() =>
        decide.mutate(
          { id: grant.id, decision },
          { onSuccess: (answer) => onDecided(answer.issued) },
        )
      }
    >
      <p>{changeText(grant)}</p>
      <p>
        {decision === 'approve'
          ? t(`approvals.decide.approveBody.${grant.kind}`)
          : t('approvals.decide.rejectBody')}
      </p>
    </ConfirmDialog>
  );
}
