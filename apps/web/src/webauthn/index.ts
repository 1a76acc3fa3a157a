export {
  addPasskey,
  confirmWithPasskey,
  previewInvitation,
  registerWithInvitation,
  signInWithPasskey,
  signOut,
} from './passkey-ceremonies';
export { forgetPrfOutput, lastPasskeyUse } from './prf';
export { StepUpProvider, useStepUp, useStepUpDownload } from './StepUp';
