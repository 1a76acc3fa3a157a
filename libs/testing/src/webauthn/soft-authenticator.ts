import {
  createHmac,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  sign,
  type KeyObject,
} from 'node:crypto';
import type {
  AuthenticationExtensionsClientInputs,
  AuthenticationExtensionsClientOutputs,
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { isoCBOR } from '@simplewebauthn/server/helpers';
import {
  concatBytes,
  fromBase64url,
  sha256,
  toBase64url,
  toBytes,
  uint16BE,
  uint32BE,
  type BinaryInput,
} from './encoding';
import type { AttestationIdentity } from './attestation-ca';

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_BE = 0x08;
const FLAG_BS = 0x10;
const FLAG_AT = 0x40;
const COSE_ALG_ES256 = -7;
const MAX_COUNTER = 0xffff_ffff;

/**
 * PRF salts in either form: base64url text as WebAuthn L3 JSON carries them, or bytes as the
 * SimpleWebAuthn v14 types declare them (`BufferSource`).
 */
export interface PrfValuesInput {
  first: BinaryInput;
  second?: BinaryInput;
}

export type ExtensionsInput = Omit<AuthenticationExtensionsClientInputs, 'prf'> & {
  prf?: { eval?: PrfValuesInput; evalByCredential?: Record<string, PrfValuesInput> };
};

export type CreationOptionsInput = Omit<PublicKeyCredentialCreationOptionsJSON, 'extensions'> & {
  extensions?: ExtensionsInput;
};

export type RequestOptionsInput = Omit<PublicKeyCredentialRequestOptionsJSON, 'extensions'> & {
  extensions?: ExtensionsInput;
};

export interface PrfValuesJSON {
  first: string;
  second?: string;
}

/**
 * What `PublicKeyCredential.toJSON()` produces: PRF results as base64url. The v14 types declare
 * them as bytes, so this is deliberately not `AuthenticationExtensionsClientOutputs`.
 */
export interface SoftClientExtensionResults {
  credProps?: { rk?: boolean };
  prf?: { enabled?: boolean; results?: PrfValuesJSON };
}

export interface SoftRegistrationResponseJSON extends Omit<
  RegistrationResponseJSON,
  'clientExtensionResults'
> {
  clientExtensionResults: SoftClientExtensionResults;
}

export interface SoftAuthenticationResponseJSON extends Omit<
  AuthenticationResponseJSON,
  'clientExtensionResults'
> {
  clientExtensionResults: SoftClientExtensionResults;
}

export interface SoftAuthenticatorOptions {
  origin: string;
  /** Used when the ceremony options carry no RP ID; defaults to the origin's hostname. */
  rpId?: string;
  /** 16 bytes; all zero by default, as platform authenticators with "none" attestation send. */
  aaguid?: Uint8Array;
  prf?: boolean;
  /** Whether the UV flag is set. */
  userVerification?: boolean;
  /** A synced passkey: the backup eligible and backed up flags are set. */
  synced?: boolean;
  /**
   * A security key's attestation key and certificates: registrations then carry a packed
   * attestation with this x5c chain.
   */
  attestation?: AttestationIdentity;
}

/** Each override produces a response a correct browser would never send. */
export interface RegisterOverrides {
  origin?: string;
  rpId?: string;
  challenge?: string;
  /** `packed` is the x5c attestation of the `attestation` identity, the default when it is set. */
  attestation?: 'none' | 'packed-self' | 'packed';
}

export interface AuthenticateOverrides {
  origin?: string;
  rpId?: string;
  challenge?: string;
  credentialId?: string;
  /** Sent as is and not stored, e.g. to replay an old counter value. */
  counter?: number;
  userVerified?: boolean;
}

export interface SoftCredentialInfo {
  id: string;
  userHandle: string;
  counter: number;
  rpId: string;
}

interface StoredCredential {
  id: string;
  rawId: Uint8Array;
  rpId: string;
  userHandle: string;
  privateKey: KeyObject;
  prfSecret: Uint8Array;
  counter: number;
}

/** Errors carry the DOMException names a browser would reject the ceremony with. */
function ceremonyError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

/** A browser refuses an RP ID that is not the origin's host or a parent domain of it. */
function assertRpIdFitsOrigin(rpId: string, origin: string): void {
  const host = new URL(origin).hostname;
  if (host !== rpId && !host.endsWith(`.${rpId}`)) {
    throw ceremonyError('SecurityError', `RP ID ${rpId} is not valid for origin ${origin}`);
  }
}

function coseEs256PublicKey(privateKey: KeyObject): Uint8Array {
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
  if (typeof jwk.x !== 'string' || typeof jwk.y !== 'string') {
    throw new Error('EC public key without coordinates');
  }
  return isoCBOR.encode(
    new Map<number, number | Uint8Array>([
      [1, 2], // kty: EC2
      [3, COSE_ALG_ES256],
      [-1, 1], // crv: P-256
      [-2, fromBase64url(jwk.x)],
      [-3, fromBase64url(jwk.y)],
    ]),
  );
}

function signEs256(privateKey: KeyObject, data: Uint8Array): Uint8Array {
  // Node emits DER for EC keys by default, which is the encoding WebAuthn specifies for ES256.
  return Uint8Array.from(sign('sha256', data, { key: privateKey, dsaEncoding: 'der' }));
}

function clientDataJSON(type: string, challenge: string, origin: string): Uint8Array {
  // Same member order as browsers, so byte-level expectations in tests stay realistic.
  return new TextEncoder().encode(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
}

/**
 * A platform passkey authenticator plus the browser's WebAuthn client, in memory, for tests
 * against `@simplewebauthn/server`. It creates ES256 discoverable credentials and emulates PRF
 * with HMAC-SHA-256 over a per-credential secret.
 */
export class SoftAuthenticator {
  private readonly origin: string;
  private readonly rpId: string;
  private readonly aaguid: Uint8Array;
  private readonly prf: boolean;
  private readonly userVerification: boolean;
  private readonly synced: boolean;
  private readonly attestation: AttestationIdentity | undefined;
  private readonly store: StoredCredential[] = [];

  constructor(options: SoftAuthenticatorOptions) {
    this.origin = options.origin;
    this.rpId = options.rpId ?? new URL(options.origin).hostname;
    this.aaguid = Uint8Array.from(options.aaguid ?? new Uint8Array(16));
    if (this.aaguid.length !== 16) throw new TypeError('aaguid must be 16 bytes');
    this.prf = options.prf ?? true;
    this.userVerification = options.userVerification ?? true;
    this.synced = options.synced ?? false;
    this.attestation = options.attestation;
  }

  private get backupFlags(): number {
    return this.synced ? FLAG_BE | FLAG_BS : 0;
  }

  async register(
    options: CreationOptionsInput,
    overrides: RegisterOverrides = {},
  ): Promise<SoftRegistrationResponseJSON> {
    if (options.rp.id !== undefined) assertRpIdFitsOrigin(options.rp.id, this.origin);
    const rpId = overrides.rpId ?? options.rp.id ?? this.rpId;
    if (
      !options.pubKeyCredParams.some((p) => p.type === 'public-key' && p.alg === COSE_ALG_ES256)
    ) {
      throw ceremonyError('NotSupportedError', 'the options do not allow ES256 (-7)');
    }
    const excluded = new Set((options.excludeCredentials ?? []).map((d) => d.id));
    if (this.store.some((c) => c.rpId === rpId && excluded.has(c.id))) {
      throw ceremonyError('InvalidStateError', 'a credential in excludeCredentials exists here');
    }

    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const rawId = Uint8Array.from(randomBytes(32));
    const credential: StoredCredential = {
      id: toBase64url(rawId),
      rawId,
      rpId,
      userHandle: options.user.id,
      privateKey,
      prfSecret: Uint8Array.from(randomBytes(32)),
      counter: 0,
    };

    const flags = FLAG_UP | FLAG_AT | (this.userVerification ? FLAG_UV : 0) | this.backupFlags;
    const authData = concatBytes(
      sha256(new TextEncoder().encode(rpId)),
      Uint8Array.of(flags),
      uint32BE(credential.counter),
      this.aaguid,
      uint16BE(rawId.length),
      rawId,
      coseEs256PublicKey(privateKey),
    );
    const clientData = clientDataJSON(
      'webauthn.create',
      overrides.challenge ?? options.challenge,
      overrides.origin ?? this.origin,
    );
    const attStmt = new Map<string, number | Uint8Array | Uint8Array[]>();
    const kind = overrides.attestation ?? (this.attestation ? 'packed' : 'none');
    const signed = concatBytes(authData, sha256(clientData));
    if (kind === 'packed-self') {
      attStmt.set('alg', COSE_ALG_ES256);
      attStmt.set('sig', signEs256(privateKey, signed));
    } else if (kind === 'packed') {
      if (!this.attestation) throw new Error('packed attestation needs an attestation identity');
      attStmt.set('alg', COSE_ALG_ES256);
      attStmt.set('sig', signEs256(this.attestation.privateKey, signed));
      attStmt.set(
        'x5c',
        this.attestation.x5c.map((c) => Uint8Array.from(c)),
      );
    }
    const fmt = kind === 'none' ? 'none' : 'packed';
    const attestationObject = isoCBOR.encode(
      new Map<string, string | Uint8Array | typeof attStmt>([
        ['fmt', fmt],
        ['attStmt', attStmt],
        ['authData', authData],
      ]),
    );

    const clientExtensionResults: SoftClientExtensionResults = { credProps: { rk: true } };
    const prfInput = options.extensions?.prf;
    if (prfInput) {
      clientExtensionResults.prf = { enabled: this.prf };
      if (this.prf && prfInput.eval) {
        clientExtensionResults.prf.results = this.evaluatePrf(credential, prfInput.eval);
      }
    }

    // CTAP2 replaces a resident credential for the same RP and user handle.
    this.removeWhere((c) => c.rpId === rpId && c.userHandle === credential.userHandle);
    this.store.push(credential);

    return {
      id: credential.id,
      rawId: credential.id,
      type: 'public-key',
      authenticatorAttachment: 'platform',
      clientExtensionResults,
      response: {
        clientDataJSON: toBase64url(clientData),
        attestationObject: toBase64url(attestationObject),
        authenticatorData: toBase64url(authData),
        transports: ['internal'],
        publicKeyAlgorithm: COSE_ALG_ES256,
        publicKey: toBase64url(publicKey.export({ type: 'spki', format: 'der' })),
      },
    };
  }

  async authenticate(
    options: RequestOptionsInput,
    overrides: AuthenticateOverrides = {},
  ): Promise<SoftAuthenticationResponseJSON> {
    if (options.rpId !== undefined) assertRpIdFitsOrigin(options.rpId, this.origin);
    const rpId = options.rpId ?? this.rpId;
    const credential = this.selectCredential(rpId, options, overrides.credentialId);

    const counter = overrides.counter ?? credential.counter + 1;
    if (!Number.isInteger(counter) || counter < 0 || counter > MAX_COUNTER) {
      throw new RangeError('the signature counter is an unsigned 32-bit integer');
    }
    if (overrides.counter === undefined) credential.counter = counter;

    const userVerified = overrides.userVerified ?? this.userVerification;
    const authData = concatBytes(
      sha256(new TextEncoder().encode(overrides.rpId ?? rpId)),
      Uint8Array.of(FLAG_UP | (userVerified ? FLAG_UV : 0) | this.backupFlags),
      uint32BE(counter),
    );
    const clientData = clientDataJSON(
      'webauthn.get',
      overrides.challenge ?? options.challenge,
      overrides.origin ?? this.origin,
    );
    const signature = signEs256(credential.privateKey, concatBytes(authData, sha256(clientData)));

    const clientExtensionResults: SoftClientExtensionResults = {};
    const prfInput = options.extensions?.prf;
    const salts = prfInput?.evalByCredential?.[credential.id] ?? prfInput?.eval;
    if (this.prf && salts) {
      clientExtensionResults.prf = { results: this.evaluatePrf(credential, salts) };
    }

    return {
      id: credential.id,
      rawId: credential.id,
      type: 'public-key',
      authenticatorAttachment: 'platform',
      clientExtensionResults,
      response: {
        clientDataJSON: toBase64url(clientData),
        authenticatorData: toBase64url(authData),
        signature: toBase64url(signature),
        userHandle: credential.userHandle,
      },
    };
  }

  /** The PRF result this authenticator returns for `salt` (base64url), for test expectations. */
  prfOutput(credentialId: string, saltBase64url: string): string {
    if (!this.prf) throw new Error('PRF is disabled on this authenticator');
    return toBase64url(this.hmac(this.findCredential(credentialId), fromBase64url(saltBase64url)));
  }

  credentials(): SoftCredentialInfo[] {
    return this.store.map(({ id, userHandle, counter, rpId }) => ({
      id,
      userHandle,
      counter,
      rpId,
    }));
  }

  /** Same keys and counters, independent state from now on: a cloned authenticator. */
  clone(): SoftAuthenticator {
    const copy = new SoftAuthenticator({
      origin: this.origin,
      rpId: this.rpId,
      aaguid: this.aaguid,
      prf: this.prf,
      userVerification: this.userVerification,
      synced: this.synced,
      attestation: this.attestation,
    });
    for (const credential of this.store) copy.store.push({ ...credential });
    return copy;
  }

  private selectCredential(
    rpId: string,
    options: RequestOptionsInput,
    credentialId: string | undefined,
  ): StoredCredential {
    if (credentialId !== undefined) return this.findCredential(credentialId);
    const allowed = options.allowCredentials?.map((d) => d.id);
    const found = this.store.find(
      (c) =>
        c.rpId === rpId &&
        (allowed === undefined || allowed.length === 0 || allowed.includes(c.id)),
    );
    if (!found) throw ceremonyError('NotAllowedError', `no usable credential for ${rpId}`);
    return found;
  }

  private findCredential(credentialId: string): StoredCredential {
    const found = this.store.find((c) => c.id === credentialId);
    if (!found) throw ceremonyError('NotAllowedError', `unknown credential ${credentialId}`);
    return found;
  }

  private evaluatePrf(credential: StoredCredential, salts: PrfValuesInput): PrfValuesJSON {
    const results: PrfValuesJSON = {
      first: toBase64url(this.hmac(credential, toBytes(salts.first, 'prf eval.first'))),
    };
    if (salts.second !== undefined) {
      results.second = toBase64url(this.hmac(credential, toBytes(salts.second, 'prf eval.second')));
    }
    return results;
  }

  private hmac(credential: StoredCredential, salt: Uint8Array): Uint8Array {
    return Uint8Array.from(createHmac('sha256', credential.prfSecret).update(salt).digest());
  }

  private removeWhere(predicate: (credential: StoredCredential) => boolean): void {
    for (let i = this.store.length - 1; i >= 0; i--) {
      if (predicate(this.store[i])) this.store.splice(i, 1);
    }
  }
}

/**
 * The client-side rule of this platform: PRF results are key material and never leave the
 * browser. Keeps `prf.enabled` so the server can still learn that PRF is available.
 */
export function withoutPrfResults(response: SoftRegistrationResponseJSON): RegistrationResponseJSON;
export function withoutPrfResults(
  response: SoftAuthenticationResponseJSON,
): AuthenticationResponseJSON;
export function withoutPrfResults(
  response: SoftRegistrationResponseJSON | SoftAuthenticationResponseJSON,
): RegistrationResponseJSON | AuthenticationResponseJSON {
  const { prf, ...rest } = response.clientExtensionResults;
  const clientExtensionResults: AuthenticationExtensionsClientOutputs =
    prf?.enabled === undefined ? rest : { ...rest, prf: { enabled: prf.enabled } };
  return { ...response, clientExtensionResults };
}
