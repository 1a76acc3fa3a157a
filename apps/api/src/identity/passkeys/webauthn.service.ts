import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
  type VerifiedRegistrationResponse,
} from '@simplewebauthn/server';
import {
  convertCertBufferToPEM,
  decodeAttestationObject,
  decodeClientDataJSON,
  parseAuthenticatorData,
  validateCertificatePath,
} from '@simplewebauthn/server/helpers';
import { createHash, randomUUID } from 'node:crypto';
import { IsNull, LessThan, QueryFailedError, Repository, type EntityManager } from 'typeorm';
import {
  PRF_SALT_V1,
  type AuthenticationResponse,
  type PasskeyFailureReason,
  type RegistrationResponse,
} from '@coop/contracts';
import { Clock } from '../../platform/clock';
import { APP_CONFIG, type AppConfig } from '../../platform/config';
import { AppError } from '../../platform/errors';
import {
  authenticatorNotAllowed,
  ceremonyFailed,
  passkeyAlreadyRegistered,
  passkeyFlagged,
  passkeyNotRegistered,
} from '../identity.errors';
import type { UserEntity } from '../users/user.entity';
import type { Ceremony } from './ceremony';
import { PasskeyEntity } from './passkey.entity';
import { WebauthnChallengeEntity } from './webauthn-challenge.entity';

const CHALLENGE_TTL_MS = 5 * 60_000;

/** WebAuthn options as sent to the browser: PRF inputs travel as base64url text. */
type WithPrfSalt<T> = Omit<T, 'extensions'> & {
  extensions: Record<string, unknown> & { prf: { eval: { first: string } } };
};
export type CreationOptions = WithPrfSalt<PublicKeyCredentialCreationOptionsJSON>;
export type RequestOptions = WithPrfSalt<PublicKeyCredentialRequestOptionsJSON>;

const sha256 = (text: string) => createHash('sha256').update(text).digest();

interface ChallengeBinding {
  userId?: string | null;
  invitationId?: string | null;
  sessionId?: string | null;
}

/** The one place that runs WebAuthn ceremonies; one method per ceremony step. */
@Injectable()
export class WebauthnService {
  constructor(
    @InjectRepository(WebauthnChallengeEntity)
    private readonly challenges: Repository<WebauthnChallengeEntity>,
    @InjectRepository(PasskeyEntity) private readonly passkeys: Repository<PasskeyEntity>,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get origins(): string[] {
    return [this.config.PUBLIC_ORIGIN, ...this.config.WEBAUTHN_EXTRA_ORIGINS];
  }

  hardenedFor(user: UserEntity): boolean {
    return user.roles.some((r) => this.config.HARDENED_ROLES.includes(r));
  }

  private async issueChallenge(
    ceremony: Ceremony,
    challenge: string,
    binding: ChallengeBinding,
  ): Promise<void> {
    const now = this.clock.now();
    await this.challenges.delete({
      expiresAt: LessThan(new Date(now.getTime() - CHALLENGE_TTL_MS)),
    });
    await this.challenges.insert({
      id: randomUUID(),
      challenge,
      ceremony,
      userId: binding.userId ?? null,
      invitationId: binding.invitationId ?? null,
      sessionId: binding.sessionId ?? null,
      expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS),
      usedAt: null,
    });
  }

  /**
   * Takes the challenge the response answers and spends it, whatever the outcome: a challenge
   * is good for exactly one attempt, within its lifetime, for the ceremony and party it was made for.
   */
  private async consumeChallenge(
    clientDataJSON: string,
    ceremony: Ceremony,
    binding: ChallengeBinding,
  ): Promise<string> {
    let challenge: unknown;
    try {
      challenge = (
        JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8')) as {
          challenge?: unknown;
        }
      ).challenge;
    } catch {
      throw ceremonyFailed('malformed');
    }
    if (typeof challenge !== 'string' || challenge.length > 200) throw ceremonyFailed('malformed');
    const now = this.clock.now();
    // UPDATE … RETURNING spends the challenge and reads its binding in one atomic step.
    const [rows] = (await this.challenges.query(
      `UPDATE "webauthn_challenges" SET "used_at" = $1
        WHERE "challenge" = $2 AND "used_at" IS NULL AND "expires_at" > $1 AND "ceremony" = $3
        RETURNING "user_id", "invitation_id", "session_id"`,
      [now, challenge, ceremony],
    )) as [
      { user_id: string | null; invitation_id: string | null; session_id: string | null }[],
      number,
    ];
    const row = rows[0];
    const mismatch =
      !row ||
      (binding.userId !== undefined && row.user_id !== binding.userId) ||
      (binding.invitationId !== undefined && row.invitation_id !== binding.invitationId) ||
      (binding.sessionId !== undefined && row.session_id !== binding.sessionId);
    if (mismatch)
      throw ceremonyFailed(
        row ? 'challenge-unknown' : await this.whyRefused(challenge, ceremony, now),
      );
    return challenge;
  }

  /** Why a challenge could not be spent; a challenge of another party reads as unknown. */
  private async whyRefused(
    challenge: string,
    ceremony: Ceremony,
    now: Date,
  ): Promise<PasskeyFailureReason> {
    const found = await this.challenges.findOne({ where: { challenge, ceremony } });
    if (!found) return 'challenge-unknown';
    if (found.usedAt) return 'challenge-used';
    return found.expiresAt <= now ? 'challenge-expired' : 'challenge-unknown';
  }

  /**
   * The checks of the response that name a cause, run before the library's: the client data's
   * type and origin, and the RP ID hash and user-verification flags of the authenticator data.
   */
  private assertAnswersThisParty(
    clientDataJSON: string,
    authData: Uint8Array<ArrayBuffer>,
    type: 'webauthn.create' | 'webauthn.get',
  ): void {
    let client: ReturnType<typeof decodeClientDataJSON>;
    let parsed: ReturnType<typeof parseAuthenticatorData>;
    try {
      client = decodeClientDataJSON(clientDataJSON);
      parsed = parseAuthenticatorData(authData);
    } catch {
      throw ceremonyFailed('malformed');
    }
    const { flags, rpIdHash } = parsed;
    if (client.type !== type) throw ceremonyFailed('malformed');
    if (!this.origins.includes(client.origin)) throw ceremonyFailed('origin-mismatch');
    if (!sha256(this.config.WEBAUTHN_RP_ID).equals(rpIdHash))
      throw ceremonyFailed('rp-id-mismatch');
    if (!flags.up || !flags.uv) throw ceremonyFailed('user-not-verified');
  }

  async registrationOptions(
    user: UserEntity,
    ceremony: 'register' | 'add-passkey',
    binding: ChallengeBinding,
  ): Promise<CreationOptions> {
    const existing = await this.passkeys.find({ where: { userId: user.id, revokedAt: IsNull() } });
    const options = await generateRegistrationOptions({
      rpName: this.config.WEBAUTHN_RP_NAME,
      rpID: this.config.WEBAUTHN_RP_ID,
      userName: user.email,
      userDisplayName: user.displayName,
      userID: new Uint8Array(user.webauthnUserId),
      attestationType: this.hardenedFor(user) ? 'direct' : 'none',
      excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: p.transports })),
      authenticatorSelection: {
        residentKey: 'required',
        requireResidentKey: true,
        userVerification: 'required',
      },
      supportedAlgorithmIDs: [-8, -7, -257],
      timeout: CHALLENGE_TTL_MS,
    });
    await this.issueChallenge(ceremony, options.challenge, { ...binding, userId: user.id });
    return {
      ...options,
      extensions: { ...options.extensions, credProps: true, prf: { eval: { first: PRF_SALT_V1 } } },
    };
  }

  /** Verifies a new credential for `user` and returns the passkey row to store (not yet saved). */
  async verifyRegistration(
    user: UserEntity,
    ceremony: 'register' | 'add-passkey',
    binding: ChallengeBinding,
    response: RegistrationResponse,
    name: string,
  ): Promise<PasskeyEntity> {
    const expectedChallenge = await this.consumeChallenge(
      response.response.clientDataJSON,
      ceremony,
      { ...binding, userId: user.id },
    );
    let attestation: ReturnType<typeof decodeAttestationObject>;
    try {
      attestation = decodeAttestationObject(
        Buffer.from(response.response.attestationObject, 'base64url'),
      );
    } catch {
      throw ceremonyFailed('malformed');
    }
    this.assertAnswersThisParty(
      response.response.clientDataJSON,
      attestation.get('authData'),
      'webauthn.create',
    );
    let verified: VerifiedRegistrationResponse;
    try {
      verified = await verifyRegistrationResponse({
        response: response as unknown as RegistrationResponseJSON,
        expectedChallenge,
        expectedOrigin: this.origins,
        expectedRPID: this.config.WEBAUTHN_RP_ID,
        requireUserVerification: true,
      });
    } catch {
      throw ceremonyFailed('attestation-invalid');
    }
    if (!verified.verified) throw ceremonyFailed('attestation-invalid');
    const info = verified.registrationInfo;
    if (this.hardenedFor(user))
      await this.assertHardenedAuthenticator(
        attestation.get('attStmt').get('x5c') ?? [],
        info.fmt,
        info.aaguid,
        info.credentialDeviceType,
      );
    if (await this.passkeys.exists({ where: { credentialId: info.credential.id } }))
      throw passkeyAlreadyRegistered();
    return this.passkeys.create({
      id: randomUUID(),
      credentialId: info.credential.id,
      userId: user.id,
      name,
      publicKey: Buffer.from(info.credential.publicKey),
      counter: info.credential.counter,
      transports: info.credential.transports ?? [],
      aaguid: info.aaguid,
      attestationFormat: info.fmt,
      deviceType: info.credentialDeviceType,
      backedUp: info.credentialBackedUp,
      prfCapable: response.clientExtensionResults.prf?.enabled === true,
      lastUsedAt: null,
      revokedAt: null,
      flaggedAt: null,
    });
  }

  /** Saves a verified passkey; of two registrations of one credential at once, one gets 409. */
  async store(passkey: PasskeyEntity, manager: EntityManager): Promise<void> {
    try {
      await manager.save(passkey);
    } catch (error) {
      const driverError = error instanceof QueryFailedError ? (error.driverError as unknown) : null;
      const constraint =
        typeof driverError === 'object' && driverError !== null && 'constraint' in driverError
          ? driverError.constraint
          : undefined;
      if (constraint === 'passkeys_credential_id_unique') throw passkeyAlreadyRegistered();
      throw error;
    }
  }

  /**
   * Hardened roles need a device-bound authenticator whose make is proven by an attestation
   * certificate chaining to a pinned vendor root (not self-attestation) and is on the allow-list.
   * The library has already checked the attestation signature and, for packed, that the leaf's
   * id-fido-gen-ce-aaguid extension names the AAGUID of the authenticator data.
   */
  private async assertHardenedAuthenticator(
    x5c: Uint8Array<ArrayBuffer>[],
    fmt: string,
    aaguid: string,
    deviceType: string,
  ) {
    const refusal =
      fmt === 'none' || x5c.length === 0
        ? 'this role needs an authenticator that proves its make (attestation), and this one did not'
        : !(await this.chainsToPinnedRoot(x5c))
          ? 'the authenticator’s attestation certificate does not lead to a vendor root this platform trusts'
          : !this.config.AAGUID_ALLOWLIST.includes(aaguid)
            ? `this authenticator model (${aaguid}) is not on the allow-list for this role`
            : deviceType !== 'singleDevice'
              ? 'this role needs a device-bound passkey, not a synced one'
              : undefined;
    if (refusal) throw authenticatorNotAllowed(refusal);
  }

  private async chainsToPinnedRoot(x5c: Uint8Array<ArrayBuffer>[]): Promise<boolean> {
    const roots = this.config.ATTESTATION_ROOTS.map((r) => r.pem);
    // The library treats an empty list of anchors as "skip path validation"; here it trusts nothing.
    if (roots.length === 0) return false;
    try {
      return await validateCertificatePath(x5c.map(convertCertBufferToPEM), roots);
    } catch {
      return false;
    }
  }

  async authenticationOptions(
    ceremony: 'sign-in' | 'step-up',
    binding: ChallengeBinding,
    allow: PasskeyEntity[] = [],
  ): Promise<RequestOptions> {
    const options = await generateAuthenticationOptions({
      rpID: this.config.WEBAUTHN_RP_ID,
      userVerification: 'required',
      allowCredentials: allow.map((p) => ({
        id: p.credentialId,
        transports: p.transports as never,
      })),
      timeout: CHALLENGE_TTL_MS,
    });
    await this.issueChallenge(ceremony, options.challenge, binding);
    return { ...options, extensions: { prf: { eval: { first: PRF_SALT_V1 } } } };
  }

  /**
   * Verifies an assertion. Returns the passkey and whether its signature counter went backwards
   * (a cloned authenticator); the caller flags and refuses in that case.
   */
  async verifyAuthentication(
    ceremony: 'sign-in' | 'step-up',
    binding: ChallengeBinding,
    response: AuthenticationResponse,
    manager: EntityManager,
  ): Promise<{ passkey: PasskeyEntity; counterRegressed: boolean }> {
    const expectedChallenge = await this.consumeChallenge(
      response.response.clientDataJSON,
      ceremony,
      binding,
    );
    this.assertAnswersThisParty(
      response.response.clientDataJSON,
      new Uint8Array(Buffer.from(response.response.authenticatorData, 'base64url')),
      'webauthn.get',
    );
    const passkey = await manager.findOne(PasskeyEntity, {
      where: { credentialId: response.id, revokedAt: IsNull() },
      lock: { mode: 'pessimistic_write' },
    });
    if (!passkey) throw passkeyNotRegistered();
    if (passkey.flaggedAt) {
      throw passkeyFlagged();
    }
    let newCounter: number;
    try {
      // The library's own counter check runs before the signature check; ours runs after it.
      const verified = await verifyAuthenticationResponse({
        response: response as unknown as AuthenticationResponseJSON,
        expectedChallenge,
        expectedOrigin: this.origins,
        expectedRPID: this.config.WEBAUTHN_RP_ID,
        credential: {
          id: passkey.credentialId,
          publicKey: new Uint8Array(passkey.publicKey),
          counter: 0,
        },
        requireUserVerification: true,
      });
      if (!verified.verified) throw ceremonyFailed('signature-invalid');
      newCounter = verified.authenticationInfo.newCounter;
    } catch (error) {
      throw error instanceof AppError ? error : ceremonyFailed('signature-invalid');
    }
    const counterRegressed =
      (newCounter > 0 || passkey.counter > 0) && newCounter <= passkey.counter;
    if (!counterRegressed) {
      passkey.counter = newCounter;
      passkey.lastUsedAt = this.clock.now();
    }
    return { passkey, counterRegressed };
  }
}
