import { useTranslation } from 'react-i18next';
import { Page, useSignedInUser } from '../platform';
import { useEnrolment, type EnrolStep } from './enrolment';
import {
  ConfirmStep,
  DoneStep,
  IntroStep,
  ProtectStep,
  ShowStep,
  type EnrolMode,
} from './EnrolSteps';
import './keys.css';

const TITLES = {
  show: 'keys.recovery.title',
  confirm: 'keys.confirm.title',
  protect: 'keys.enrol.protect.title',
  done: 'keys.enrol.doneTitle',
} as const satisfies Record<Exclude<EnrolStep['kind'], 'intro'>, string>;

/**
 * Sets up account keys: generated here, with a recovery key the user proves they saved, then
 * wrapped for the passkey just used (or a passphrase) and published. `startOver` replaces keys
 * that can no longer be unlocked, with a plain warning of what that costs.
 */
export function EnrolFlow({
  mode,
  generation,
  onCancel,
}: {
  mode: EnrolMode;
  generation: number;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const enrolment = useEnrolment(generation);
  const { step } = enrolment;
  const intro = mode === 'first' ? t('keys.enrol.title') : t('keys.startOver.title');
  return (
    <Page title={step.kind === 'intro' ? intro : t(TITLES[step.kind])} className="keys">
      <div className="card keys__card">
        {step.kind === 'intro' && (
          <IntroStep mode={mode} enrolment={enrolment} onCancel={onCancel} />
        )}
        {step.kind === 'show' && (
          <ShowStep text={step.text} holder={me.user.displayName} enrolment={enrolment} />
        )}
        {step.kind === 'confirm' && <ConfirmStep asked={step.asked} enrolment={enrolment} />}
        {step.kind === 'protect' && <ProtectStep enrolment={enrolment} />}
        {step.kind === 'done' && (
          <DoneStep mode={mode} published={step.published} enrolment={enrolment} />
        )}
      </div>
    </Page>
  );
}
