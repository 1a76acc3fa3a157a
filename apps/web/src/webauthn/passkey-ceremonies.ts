import {
  invitationPreviewSchema,
  meSchema,
  passkeySchema,
  type InvitationPreview,
  type Me,
  type Passkey,
} from '@coop/contracts';
import {
  base64URLStringToBuffer,
  startAuthentication,
  startRegistration,
  type AuthenticationExtensionsClientOutputs,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/browser';
import { z } from 'zod';
import { apiCall, apiSend } from '../platform';
import { forgetPrfOutput, rememberPasskeyUse } from './prf';

/** The parts of the server's WebAuthn options this client reads or rewrites. */
const prfInput = z.looseObject({
  prf: z.looseObject({ eval: z.looseObject({ first: z.string().min(1) }) }),
});
const requestOptionsSchema = z.looseObject({ challenge: z.string().min(1), extensions: prfInput });
const creationOptionsSchema = z.looseObject({
  challenge: z.string().min(1),
  rp: z.looseObject({ name: z.string() }),
  user: z.looseObject({ id: z.string(), name: z.string(), displayName: z.string() }),
  pubKeyCredParams: z.array(z.looseObject({ alg: z.number(), type: z.literal('public-key') })),
  extensions: prfInput,
});

type WithPrfSalt = z.infer<typeof requestOptionsSchema>;

/**
 * The server sends the PRF salt as base64url text; @simplewebauthn/browser passes extensions
 * through untouched and the browser wants bytes.
 */
function decodePrfSalt<T extends WithPrfSalt>(options: T) {
  const salt = new Uint8Array(base64URLStringToBuffer(options.extensions.prf.eval.first));
  return { ...options, extensions: { ...options.extensions, prf: { eval: { first: salt } } } };
}

/** A copy of the bytes, whatever view the browser handed them in. */
function bytesOf(source: ArrayBuffer | ArrayBufferView): Uint8Array {
  const view =
    source instanceof ArrayBuffer
      ? new Uint8Array(source)
      : new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
  return view.slice();
}

/**
 * Keeps the PRF output in memory and sends on only what the server may see: whether PRF is
 * enabled and the credential properties. Anything else the browser reports stays here.
 */
export function keepPrfInBrowser<
  T extends { id: string; clientExtensionResults: AuthenticationExtensionsClientOutputs },
>(response: T): T {
  const { prf, credProps } = response.clientExtensionResults;
  const first = prf?.results?.first;
  rememberPasskeyUse(response.id, first ? bytesOf(first) : undefined);
  const safe: AuthenticationExtensionsClientOutputs = {};
  if (credProps) safe.credProps = { rk: credProps.rk };
  if (prf) safe.prf = prf.enabled === undefined ? {} : { enabled: prf.enabled };
  return { ...response, clientExtensionResults: safe };
}

async function assertion(optionsPath: string) {
  const options = await apiSend('POST', optionsPath, undefined, requestOptionsSchema);
  // Checked above for the fields we touch; the rest is @simplewebauthn/server's own output.
  const optionsJSON = decodePrfSalt(options) as unknown as PublicKeyCredentialRequestOptionsJSON;
  return keepPrfInBrowser(await startAuthentication({ optionsJSON }));
}

async function attestation(optionsPath: string, body: unknown) {
  const options = await apiSend('POST', optionsPath, body, creationOptionsSchema);
  const optionsJSON = decodePrfSalt(options) as unknown as PublicKeyCredentialCreationOptionsJSON;
  return keepPrfInBrowser(await startRegistration({ optionsJSON }));
}

/** Username-less sign-in: the browser offers the passkeys it holds for this site. */
export async function signInWithPasskey(): Promise<Me> {
  const response = await assertion('/auth/sign-in/options');
  return apiSend('POST', '/auth/sign-in/verify', { response }, meSchema);
}

export function previewInvitation(token: string): Promise<InvitationPreview> {
  return apiSend('POST', '/auth/invitation', { token }, invitationPreviewSchema);
}

/** Redeems an invitation with a new passkey; the answer is the new session's user. */
export async function registerWithInvitation(token: string, passkeyName: string): Promise<Me> {
  const response = await attestation('/auth/registration/options', { token });
  return apiSend('POST', '/auth/registration/verify', { token, passkeyName, response }, meSchema);
}

/** A fresh user-verified assertion, which the API asks for before sensitive actions. */
export async function confirmWithPasskey(): Promise<void> {
  const response = await assertion('/auth/step-up/options');
  await apiCall('POST', '/auth/step-up/verify', { response });
}

/** Adds a passkey to the signed-in account (the API asks for a step-up first). */
export async function addPasskey(passkeyName: string): Promise<Passkey> {
  const response = await attestation('/me/passkeys/options', undefined);
  return apiSend('POST', '/me/passkeys', { passkeyName, response }, passkeySchema);
}

export async function signOut(): Promise<void> {
  try {
    await apiCall('POST', '/auth/sign-out');
  } finally {
    forgetPrfOutput();
  }
}
