import type { IssuedInvitation } from '@coop/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui';
import { InviteDialog } from './InviteDialog';
import { LinkDialog } from './LinkDialog';

/** The console's invite button and what it opens: the form, then the new link, shown once. */
export function InviteAction() {
  const { t } = useTranslation();
  const [inviting, setInviting] = useState(false);
  const [issued, setIssued] = useState<IssuedInvitation | null>(null);
  return (
    <>
      <Button onPress={() => setInviting(true)}>{t('invitations.invite')}</Button>
      {inviting && (
        <InviteDialog
          onClose={() => setInviting(false)}
          onIssued={(result) => {
            setInviting(false);
            setIssued(result);
          }}
        />
      )}
      {issued && (
        <LinkDialog
          link={issued.link}
          name={issued.invitation.displayName}
          onClose={() => setIssued(null)}
        />
      )}
    </>
  );
}
