/**
 * What the latest passkey ceremony left behind: the credential it used and, when the
 * authenticator evaluated it, the PRF output. The output unlocks the user's account keys, so it
 * lives in this module's memory only: never in storage, never in a request, and it is wiped on
 * sign-out and when the keys are locked.
 */
export interface PasskeyUse {
  /** The credential id in base64url, exactly as WebAuthn reported it. */
  credentialId: string;
  /** 32 bytes, or undefined when the passkey has no PRF (or the browser did not ask). */
  prfOutput: Uint8Array | undefined;
}

let last: PasskeyUse | undefined;

export function rememberPasskeyUse(credentialId: string, prfOutput: Uint8Array | undefined): void {
  last?.prfOutput?.fill(0);
  last = { credentialId, prfOutput };
}

export function lastPasskeyUse(): PasskeyUse | undefined {
  return last;
}

/** The PRF output of the latest ceremony, if it gave one. */
export function currentPrfOutput(): Uint8Array | undefined {
  return last?.prfOutput;
}

export function forgetPrfOutput(): void {
  last?.prfOutput?.fill(0);
  last = undefined;
}
