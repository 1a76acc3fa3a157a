import { createPublicKey, randomBytes } from 'node:crypto';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type PublicKeyCredentialCreationOptionsJSON,
  type WebAuthnCredential,
} from '@simplewebauthn/server';
import {
  convertCertBufferToPEM,
  convertCOSEtoPKCS,
  decodeAttestationObject,
  validateCertificatePath,
} from '@simplewebauthn/server/helpers';
import { createAttestationCa } from './attestation-ca';
import { fromBase64url, toBase64url } from './encoding';
import {
  SoftAuthenticator,
  withoutPrfResults,
  type CreationOptionsInput,
  type RequestOptionsInput,
  type SoftAuthenticationResponseJSON,
  type SoftRegistrationResponseJSON,
} from './soft-authenticator';

const rpID = 'localhost';
const origin = 'http://localhost:3000';
const salt = (): string => toBase64url(randomBytes(32));

/** PRF salts as this platform sends them over JSON: base64url, as WebAuthn L3 defines. */
function withPrf(
  options: PublicKeyCredentialCreationOptionsJSON,
  first: string,
): CreationOptionsInput {
  return { ...options, extensions: { ...options.extensions, prf: { eval: { first } } } };
}

async function registrationOptions(
  extra: Partial<Parameters<typeof generateRegistrationOptions>[0]> = {},
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  return generateRegistrationOptions({
    rpName: 'Test',
    rpID,
    userName: 'alice@example.test',
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    ...extra,
  });
}

async function authenticationOptions(prfSalt?: string): Promise<RequestOptionsInput> {
  const options = await generateAuthenticationOptions({ rpID, userVerification: 'required' });
  return prfSalt === undefined
    ? options
    : { ...options, extensions: { prf: { eval: { first: prfSalt } } } };
}

function verifyRegistration(
  response: SoftRegistrationResponseJSON,
  expectedChallenge: string,
): ReturnType<typeof verifyRegistrationResponse> {
  return verifyRegistrationResponse({
    response: withoutPrfResults(response),
    expectedChallenge,
    expectedOrigin: origin,
    expectedRPID: rpID,
    requireUserVerification: true,
  });
}

/** Registers one passkey and returns what the server would store for it. */
async function enrol(
  authenticator: SoftAuthenticator,
): Promise<{ credential: WebAuthnCredential; userHandle: string }> {
  const options = await registrationOptions();
  const { verified, registrationInfo } = await verifyRegistration(
    await authenticator.register(options),
    options.challenge,
  );
  if (!verified) throw new Error('registration did not verify');
  return { credential: registrationInfo.credential, userHandle: options.user.id };
}

describe('SoftAuthenticator against @simplewebauthn/server', () => {
  describe('registration', () => {
    it('produces a "none" attestation that verifies, with PRF output and credProps', async () => {
      const authenticator = new SoftAuthenticator({ origin });
      const prfSalt = salt();
      const options = withPrf(await registrationOptions(), prfSalt);
      const response = await authenticator.register(options);

      expect(response).toMatchObject({
        type: 'public-key',
        authenticatorAttachment: 'platform',
        response: { transports: ['internal'], publicKeyAlgorithm: -7 },
      });
      expect(response.rawId).toBe(response.id);
      expect(response.clientExtensionResults).toEqual({
        credProps: { rk: true },
        prf: { enabled: true, results: { first: authenticator.prfOutput(response.id, prfSalt) } },
      });
      expect(
        JSON.parse(Buffer.from(response.response.clientDataJSON, 'base64url').toString()),
      ).toEqual({
        type: 'webauthn.create',
        challenge: options.challenge,
        origin,
        crossOrigin: false,
      });

      const { verified, registrationInfo } = await verifyRegistration(response, options.challenge);
      expect(verified).toBe(true);
      expect(registrationInfo).toMatchObject({
        fmt: 'none',
        aaguid: '00000000-0000-0000-0000-000000000000',
        userVerified: true,
        credentialDeviceType: 'singleDevice',
        credentialBackedUp: false,
        origin,
        rpID,
        credential: { id: response.id, counter: 0, transports: ['internal'] },
      });
      expect(authenticator.credentials()).toEqual([
        { id: response.id, userHandle: options.user.id, counter: 0, rpId: rpID },
      ]);
    });

    it('reports the same public key as SPKI and in the COSE key the server stores', async () => {
      const authenticator = new SoftAuthenticator({ origin });
      const options = await registrationOptions();
      const response = await authenticator.register(options);
      const { registrationInfo } = await verifyRegistration(response, options.challenge);
      if (!registrationInfo) throw new Error('registration did not verify');

      const spki = createPublicKey({
        key: Buffer.from(response.response.publicKey ?? '', 'base64url'),
        format: 'der',
        type: 'spki',
      });
      const jwk = spki.export({ format: 'jwk' });
      const point = convertCOSEtoPKCS(registrationInfo.credential.publicKey);
      expect(toBase64url(point)).toBe(
        toBase64url(
          Uint8Array.of(0x04, ...fromBase64url(jwk.x ?? ''), ...fromBase64url(jwk.y ?? '')),
        ),
      );
    });

    it('produces a packed self-attestation carrying the configured AAGUID', async () => {
      const aaguid = Uint8Array.from(Buffer.from('0123456789abcdef0123456789abcdef', 'hex'));
      const authenticator = new SoftAuthenticator({ origin, aaguid });
      const options = await registrationOptions({ attestationType: 'direct' });
      const response = await authenticator.register(options, { attestation: 'packed-self' });

      const attStmt = decodeAttestationObject(
        fromBase64url(response.response.attestationObject),
      ).get('attStmt');
      expect(attStmt.get('alg')).toBe(-7);
      expect(attStmt.get('x5c')).toBeUndefined();

      const { verified, registrationInfo } = await verifyRegistration(response, options.challenge);
      expect(verified).toBe(true);
      expect(registrationInfo?.fmt).toBe('packed');
      expect(registrationInfo?.aaguid).toBe('01234567-89ab-cdef-0123-456789abcdef');
    });

    it('produces a packed attestation whose x5c chains to the issuing CA, and only to it', async () => {
      const aaguid = Uint8Array.from(Buffer.from('cb69481e8ff7403993ec0a2729a154a8', 'hex'));
      const ca = await createAttestationCa();
      const identity = await ca.issue({ aaguid, vendor: 'Test Vendor AB', intermediate: true });
      const authenticator = new SoftAuthenticator({ origin, aaguid, attestation: identity });
      const options = await registrationOptions({ attestationType: 'direct' });
      const response = await authenticator.register(options);

      const attStmt = decodeAttestationObject(
        fromBase64url(response.response.attestationObject),
      ).get('attStmt');
      const x5c = attStmt.get('x5c') ?? [];
      expect(x5c).toHaveLength(2);
      const { verified, registrationInfo } = await verifyRegistration(response, options.challenge);
      expect(verified).toBe(true);
      expect(registrationInfo).toMatchObject({
        fmt: 'packed',
        aaguid: 'cb69481e-8ff7-4039-93ec-0a2729a154a8',
        credentialDeviceType: 'singleDevice',
      });
      const pems = x5c.map(convertCertBufferToPEM);
      await expect(validateCertificatePath(pems, [ca.rootPem])).resolves.toBe(true);
      const stranger = await createAttestationCa();
      await expect(validateCertificatePath(pems, [stranger.rootPem])).rejects.toThrow(
        /could not be chained/,
      );
    });

    it('marks a synced passkey backup eligible and backed up', async () => {
      const authenticator = new SoftAuthenticator({ origin, synced: true });
      const options = await registrationOptions();
      const { registrationInfo } = await verifyRegistration(
        await authenticator.register(options),
        options.challenge,
      );
      expect(registrationInfo).toMatchObject({
        credentialDeviceType: 'multiDevice',
        credentialBackedUp: true,
      });
    });

    it('accepts PRF salts as bytes, the way the v14 types declare them', async () => {
      const authenticator = new SoftAuthenticator({ origin });
      const bytes = randomBytes(32);
      const options = await registrationOptions({
        extensions: { prf: { eval: { first: Uint8Array.from(bytes) } } },
      });
      const response = await authenticator.register(options);
      expect(response.clientExtensionResults.prf?.results?.first).toBe(
        authenticator.prfOutput(response.id, toBase64url(bytes)),
      );
    });

    it('reports PRF as unavailable when disabled, and gives no output', async () => {
      const authenticator = new SoftAuthenticator({ origin, prf: false });
      const response = await authenticator.register(withPrf(await registrationOptions(), salt()));
      expect(response.clientExtensionResults).toEqual({
        credProps: { rk: true },
        prf: { enabled: false },
      });
    });

    it('is rejected for a wrong origin, a wrong RP ID or another challenge', async () => {
      const authenticator = new SoftAuthenticator({ origin });
      const options = await registrationOptions();
      await expect(
        verifyRegistration(
          await authenticator.register(options, { origin: 'http://evil.test:3000' }),
          options.challenge,
        ),
      ).rejects.toThrow(/origin/);
      await expect(
        verifyRegistration(
          await authenticator.register(options, { rpId: 'evil.test' }),
          options.challenge,
        ),
      ).rejects.toThrow(/RP ID/);
      const other = await registrationOptions();
      await expect(
        verifyRegistration(await authenticator.register(options), other.challenge),
      ).rejects.toThrow(/challenge/);
    });

    it('is rejected without user verification when the server requires it', async () => {
      const authenticator = new SoftAuthenticator({ origin, userVerification: false });
      const options = await registrationOptions();
      await expect(
        verifyRegistration(await authenticator.register(options), options.challenge),
      ).rejects.toThrow(/User verification/);
    });

    it('refuses like a browser: excluded credential, foreign RP ID, no ES256', async () => {
      const authenticator = new SoftAuthenticator({ origin });
      const { credential } = await enrol(authenticator);
      await expect(
        authenticator.register(
          await registrationOptions({ excludeCredentials: [{ id: credential.id }] }),
        ),
      ).rejects.toMatchObject({ name: 'InvalidStateError' });
      await expect(
        authenticator.register(await registrationOptions({ rpID: 'example.test' })),
      ).rejects.toMatchObject({ name: 'SecurityError' });
      await expect(
        authenticator.register(await registrationOptions({ supportedAlgorithmIDs: [-257] })),
      ).rejects.toMatchObject({ name: 'NotSupportedError' });
    });
  });

  describe('authentication', () => {
    it('verifies with a discoverable credential and an increasing counter', async () => {
      const authenticator = new SoftAuthenticator({ origin });
      const { credential, userHandle } = await enrol(authenticator);

      let stored = credential;
      for (const expectedCounter of [1, 2]) {
        const options = await authenticationOptions();
        const response = await authenticator.authenticate(options);
        expect(response.id).toBe(credential.id);
        expect(response.response.userHandle).toBe(userHandle);
        expect(
          JSON.parse(Buffer.from(response.response.clientDataJSON, 'base64url').toString()),
        ).toEqual({
          type: 'webauthn.get',
          challenge: options.challenge,
          origin,
          crossOrigin: false,
        });

        const { verified, authenticationInfo } = await verifyAuthenticationResponse({
          response: withoutPrfResults(response),
          expectedChallenge: options.challenge,
          expectedOrigin: origin,
          expectedRPID: rpID,
          credential: stored,
          requireUserVerification: true,
        });
        expect(verified).toBe(true);
        expect(authenticationInfo).toMatchObject({
          newCounter: expectedCounter,
          userVerified: true,
          credentialID: credential.id,
          rpID,
        });
        stored = { ...stored, counter: authenticationInfo.newCounter };
      }
      expect(authenticator.credentials()[0]?.counter).toBe(2);
    });

    it('honours allowCredentials and an explicit credential choice', async () => {
      const authenticator = new SoftAuthenticator({ origin });
      const first = await enrol(authenticator);
      const second = await enrol(authenticator);
      const options = await generateAuthenticationOptions({
        rpID,
        allowCredentials: [{ id: second.credential.id }],
      });
      expect((await authenticator.authenticate(options)).id).toBe(second.credential.id);
      expect(
        (await authenticator.authenticate(options, { credentialId: first.credential.id })).id,
      ).toBe(first.credential.id);
      await expect(
        authenticator.authenticate(
          await generateAuthenticationOptions({ rpID, allowCredentials: [{ id: 'AAAA' }] }),
        ),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
    });

    it('gives PRF output that is stable per salt and differs between salts', async () => {
      const authenticator = new SoftAuthenticator({ origin });
      const { credential } = await enrol(authenticator);
      const [saltA, saltB] = [salt(), salt()];

      const first = await authenticator.authenticate(await authenticationOptions(saltA));
      const again = await authenticator.authenticate(await authenticationOptions(saltA));
      const other = await authenticator.authenticate(await authenticationOptions(saltB));

      const expected = authenticator.prfOutput(credential.id, saltA);
      expect(first.clientExtensionResults).toEqual({ prf: { results: { first: expected } } });
      expect(again.clientExtensionResults.prf?.results?.first).toBe(expected);
      expect(other.clientExtensionResults.prf?.results?.first).toBe(
        authenticator.prfOutput(credential.id, saltB),
      );
      expect(other.clientExtensionResults.prf?.results?.first).not.toBe(expected);
      expect(fromBase64url(expected)).toHaveLength(32);

      const byCredential = await authenticator.authenticate({
        ...(await authenticationOptions(saltA)),
        extensions: {
          prf: { eval: { first: saltA }, evalByCredential: { [credential.id]: { first: saltB } } },
        },
      });
      expect(byCredential.clientExtensionResults.prf?.results?.first).toBe(
        authenticator.prfOutput(credential.id, saltB),
      );
    });

    it('keeps PRF output per credential and per authenticator', async () => {
      const a = new SoftAuthenticator({ origin });
      const b = new SoftAuthenticator({ origin });
      const [ca, cb] = [await enrol(a), await enrol(b)];
      const prfSalt = salt();
      expect(a.prfOutput(ca.credential.id, prfSalt)).not.toBe(
        b.prfOutput(cb.credential.id, prfSalt),
      );
      expect(a.clone().prfOutput(ca.credential.id, prfSalt)).toBe(
        a.prfOutput(ca.credential.id, prfSalt),
      );
    });

    it('leaves no PRF result in what the client sends after stripping', async () => {
      const authenticator = new SoftAuthenticator({ origin });
      const prfSalt = salt();
      const registration = await authenticator.register(
        withPrf(await registrationOptions(), prfSalt),
      );
      const assertion = await authenticator.authenticate(await authenticationOptions(prfSalt));
      const output = authenticator.prfOutput(registration.id, prfSalt);

      expect(JSON.stringify(registration)).toContain(output);
      expect(JSON.stringify(withoutPrfResults(registration))).not.toContain(output);
      expect(withoutPrfResults(registration).clientExtensionResults).toEqual({
        credProps: { rk: true },
        prf: { enabled: true },
      });
      expect(JSON.stringify(assertion)).toContain(output);
      expect(JSON.stringify(withoutPrfResults(assertion))).not.toContain(output);
    });

    describe('rejections', () => {
      let authenticator: SoftAuthenticator;
      let credential: WebAuthnCredential;
      beforeEach(async () => {
        authenticator = new SoftAuthenticator({ origin });
        ({ credential } = await enrol(authenticator));
      });

      const verify = (
        response: SoftAuthenticationResponseJSON,
        expectedChallenge: string,
        stored: WebAuthnCredential = credential,
      ): ReturnType<typeof verifyAuthenticationResponse> =>
        verifyAuthenticationResponse({
          response: withoutPrfResults(response),
          expectedChallenge,
          expectedOrigin: origin,
          expectedRPID: rpID,
          credential: stored,
          requireUserVerification: true,
        });

      it('rejects a wrong origin', async () => {
        const options = await authenticationOptions();
        const response = await authenticator.authenticate(options, { origin: 'https://evil.test' });
        await expect(verify(response, options.challenge)).rejects.toThrow(/origin/);
      });

      it('rejects a wrong RP ID', async () => {
        const options = await authenticationOptions();
        const response = await authenticator.authenticate(options, { rpId: 'evil.test' });
        await expect(verify(response, options.challenge)).rejects.toThrow(/RP ID/);
      });

      it('rejects a response replayed against a new challenge', async () => {
        const old = await authenticationOptions();
        const response = await authenticator.authenticate(old);
        expect((await verify(response, old.challenge)).verified).toBe(true);
        const fresh = await authenticationOptions();
        await expect(verify(response, fresh.challenge)).rejects.toThrow(/challenge/);
        const forged = await authenticator.authenticate(fresh, { challenge: old.challenge });
        await expect(verify(forged, fresh.challenge)).rejects.toThrow(/challenge/);
      });

      it('does not verify a tampered signature or authenticator data', async () => {
        const options = await authenticationOptions();
        const response = await authenticator.authenticate(options);
        const signature = fromBase64url(response.response.signature);
        signature[signature.length - 1] ^= 0x01;
        const badSignature = {
          ...response,
          response: { ...response.response, signature: toBase64url(signature) },
        };
        // v14 reports a bad signature as verified: false rather than throwing.
        expect((await verify(badSignature, options.challenge)).verified).toBe(false);

        const authData = fromBase64url(response.response.authenticatorData);
        authData[authData.length - 1] ^= 0x01; // a counter byte, so the counter check still passes
        const badAuthData = {
          ...response,
          response: { ...response.response, authenticatorData: toBase64url(authData) },
        };
        expect((await verify(badAuthData, options.challenge)).verified).toBe(false);
      });

      it('rejects a counter that does not increase', async () => {
        const first = await authenticationOptions();
        const { authenticationInfo } = await verify(
          await authenticator.authenticate(first),
          first.challenge,
        );
        const stored = { ...credential, counter: authenticationInfo.newCounter };
        expect(stored.counter).toBe(1);

        for (const counter of [0, 1]) {
          const options = await authenticationOptions();
          const response = await authenticator.authenticate(options, { counter });
          await expect(verify(response, options.challenge, stored)).rejects.toThrow(
            /counter value/,
          );
        }
      });

      it('detects a cloned authenticator by its lagging counter', async () => {
        const clone = authenticator.clone();
        expect(clone.credentials()).toEqual(authenticator.credentials());
        let stored = credential;
        for (let i = 0; i < 2; i++) {
          const options = await authenticationOptions();
          const { authenticationInfo } = await verify(
            await authenticator.authenticate(options),
            options.challenge,
            stored,
          );
          stored = { ...stored, counter: authenticationInfo.newCounter };
        }
        const options = await authenticationOptions();
        const fromClone = await clone.authenticate(options);
        expect(clone.credentials()[0]?.counter).toBe(1);
        await expect(verify(fromClone, options.challenge, stored)).rejects.toThrow(
          /Response counter value 1 was lower than expected 2/,
        );
      });

      it('accepts a counter that stays at zero, as synced passkeys send', async () => {
        const options = await authenticationOptions();
        const response = await authenticator.authenticate(options, { counter: 0 });
        const { verified, authenticationInfo } = await verify(response, options.challenge);
        expect(verified).toBe(true);
        expect(authenticationInfo.newCounter).toBe(0);
      });

      it('rejects a missing UV flag when verification is required', async () => {
        const options = await authenticationOptions();
        const response = await authenticator.authenticate(options, { userVerified: false });
        await expect(verify(response, options.challenge)).rejects.toThrow(/User verification/);
      });
    });
  });
});
