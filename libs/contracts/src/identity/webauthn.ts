import { z } from 'zod';
import { contractIssue } from '../platform/problem';
import { localizedNamesSchema, nameText } from '../states/states';

/**
 * The WebAuthn PRF input every sign-in asks for: SHA-256("coop-platform/passkey-prf/v1"),
 * base64url. The output stays in the browser, where it unlocks the user's keys.
 */
export const PRF_SALT_V1 = 'ejwc2KCJNw4Co_sSgCRmV3qUPPsSHhgjWtc8_LoaH-c';

const b64url = z
  .string()
  .regex(/^[A-Za-z0-9_-]*$/, 'must be base64url')
  .max(16_384);

/** Extension outputs the server accepts: PRF *results* must have been removed by the client. */
const clientExtensionResults = z
  .looseObject({
    credProps: z.looseObject({ rk: z.boolean().optional() }).optional(),
    prf: z
      .looseObject({ enabled: z.boolean().optional() })
      .refine(
        (prf) => !('results' in prf),
        contractIssue('prf-results', 'PRF results must never leave the browser'),
      )
      .optional(),
  })
  .default({});

export const registrationResponseSchema = z.strictObject({
  id: b64url.min(1),
  rawId: b64url.min(1),
  type: z.literal('public-key'),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults,
  response: z.looseObject({
    clientDataJSON: b64url.min(1),
    attestationObject: b64url.min(1),
    authenticatorData: b64url.optional(),
    // Transport names are short lower-case tokens ("usb", "smart-card", …); they are stored and
    // sent back to browsers, so nothing else (control characters, NUL) may get through.
    transports: z
      .array(z.string().regex(/^[a-z0-9-]{1,32}$/, 'must be a WebAuthn transport name'))
      .max(10)
      .optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: b64url.optional(),
  }),
});
export type RegistrationResponse = z.infer<typeof registrationResponseSchema>;

export const authenticationResponseSchema = z.strictObject({
  id: b64url.min(1),
  rawId: b64url.min(1),
  type: z.literal('public-key'),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults,
  response: z.looseObject({
    clientDataJSON: b64url.min(1),
    authenticatorData: b64url.min(1),
    signature: b64url.min(1),
    userHandle: b64url.optional(),
  }),
});
export type AuthenticationResponse = z.infer<typeof authenticationResponseSchema>;

const invitationToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'is not an invitation token');

export const registrationOptionsRequestSchema = z.strictObject({ token: invitationToken });

export const registrationVerifyRequestSchema = z.strictObject({
  token: invitationToken,
  passkeyName: nameText(60),
  response: registrationResponseSchema,
});

export const invitationPreviewSchema = z.strictObject({
  displayName: z.string(),
  email: z.string(),
  roles: z.array(z.string()),
  stateCode: z.string().nullable(),
  /** The State's names, so the page can name it in the reader's language before sign-in. */
  stateNames: localizedNamesSchema.nullable(),
  purpose: z.enum(['onboarding', 'recovery', 'bootstrap']),
  expiresAt: z.string(),
});
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;

export const authenticationVerifyRequestSchema = z.strictObject({
  response: authenticationResponseSchema,
});

export const addPasskeyRequestSchema = z.strictObject({
  passkeyName: nameText(60),
  response: registrationResponseSchema,
});

const credentialDescriptor = z.strictObject({
  id: z.string(),
  type: z.string(),
  transports: z.array(z.string()).optional(),
});

/** The PRF input travels as base64url text; the browser decodes it before the ceremony. */
const prfSaltExtension = z.looseObject({
  prf: z.strictObject({ eval: z.strictObject({ first: z.string() }) }),
});

/** `PublicKeyCredentialCreationOptionsJSON`, as passed to `navigator.credentials.create`. */
export const creationOptionsSchema = z.strictObject({
  rp: z.strictObject({ name: z.string(), id: z.string().optional() }),
  user: z.strictObject({ id: z.string(), name: z.string(), displayName: z.string() }),
  challenge: z.string(),
  pubKeyCredParams: z.array(
    z.strictObject({ alg: z.number().int(), type: z.literal('public-key') }),
  ),
  timeout: z.number().optional(),
  excludeCredentials: z.array(credentialDescriptor).optional(),
  authenticatorSelection: z
    .strictObject({
      authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
      requireResidentKey: z.boolean().optional(),
      residentKey: z.enum(['discouraged', 'preferred', 'required']).optional(),
      userVerification: z.enum(['discouraged', 'preferred', 'required']).optional(),
    })
    .optional(),
  hints: z.array(z.enum(['hybrid', 'security-key', 'client-device'])).optional(),
  attestation: z.enum(['none', 'indirect', 'direct', 'enterprise']).optional(),
  attestationFormats: z.array(z.string()).optional(),
  extensions: prfSaltExtension,
});

/** `PublicKeyCredentialRequestOptionsJSON`, as passed to `navigator.credentials.get`. */
export const requestOptionsSchema = z.strictObject({
  challenge: z.string(),
  timeout: z.number().optional(),
  rpId: z.string().optional(),
  allowCredentials: z.array(credentialDescriptor).optional(),
  userVerification: z.enum(['discouraged', 'preferred', 'required']).optional(),
  hints: z.array(z.enum(['hybrid', 'security-key', 'client-device'])).optional(),
  extensions: prfSaltExtension,
});
