import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage, useSignedInUser } from '../platform';
import { Alert, ConfirmDialog, Loading } from '../ui';
import { EnrolFlow } from './EnrolFlow';
import { isRecovered } from './key-store';
import type { CheckedRecord } from './operations';
import { KEYS_QUERY_KEY } from './queries';
import { attemptSilently } from './unlock-attempt';
import { UnlockFrame } from './UnlockFrame';
import { UnlockPrompt } from './UnlockPrompt';
import './keys.css';

export function Unlock({
  own,
  inPlace = false,
  onCancel,
}: {
  own: CheckedRecord;
  inPlace?: boolean;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const [startingOver, setStartingOver] = useState<'ask' | 'flow' | null>(null);
  const attempt = useQuery({
    queryKey: [...KEYS_QUERY_KEY, 'unlock', me.user.id, own.fingerprint],
    queryFn: ({ signal }) => attemptSilently(own, signal),
    // Each time the prompt shows it starts over: the wraps or the passkey may have changed.
    gcTime: 0,
    staleTime: Infinity,
    retry: false,
  });
  const describe = useErrorMessage();

  if (startingOver === 'flow') {
    return (
      <EnrolFlow
        mode="startOver"
        generation={own.record.generation + 1}
        onCancel={() => setStartingOver(null)}
      />
    );
  }
  if (attempt.isPending || attempt.data?.outcome === 'unlocked') return <Loading />;
  if (attempt.isError) {
    return (
      <UnlockFrame inPlace={inPlace} asked={!!onCancel}>
        <Alert tone="error">{describe(attempt.error)}</Alert>
      </UnlockFrame>
    );
  }
  return (
    <>
      <UnlockPrompt
        own={own}
        kinds={attempt.data.kinds}
        outcome={attempt.data.outcome}
        inPlace={inPlace}
        onCancel={onCancel}
        canStartOver={isRecovered(me.user.id)}
        onStartOver={() => setStartingOver('ask')}
      />
      <ConfirmDialog
        title={t('keys.startOver.confirmTitle')}
        isOpen={startingOver === 'ask'}
        onCancel={() => setStartingOver(null)}
        onConfirm={() => setStartingOver('flow')}
        confirmLabel={t('keys.startOver.confirm')}
      >
        <p>{t('keys.startOver.warning1')}</p>
        <p>{t('keys.startOver.warning2')}</p>
      </ConfirmDialog>
    </>
  );
}
