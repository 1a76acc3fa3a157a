/**
 * The PRF output of the passkey used in the latest ceremony. It will unlock the user's account
 * keys, so it lives in this module's memory only: never in storage, never in a request, and it is
 * wiped on sign-out.
 */
let lastPrfOutput: Uint8Array | undefined;

export function rememberPrfOutput(output: Uint8Array): void {
  lastPrfOutput?.fill(0);
  lastPrfOutput = output;
}

export function currentPrfOutput(): Uint8Array | undefined {
  return lastPrfOutput;
}

export function forgetPrfOutput(): void {
  lastPrfOutput?.fill(0);
  lastPrfOutput = undefined;
}
