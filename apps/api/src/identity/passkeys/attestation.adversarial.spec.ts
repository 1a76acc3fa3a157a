import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { problemSchema, type IssuedInvitation, type Me, type Passkey } from '@coop/contracts';
import {
  createAttestationCa,
  selfSignedAttestation,
  SoftAuthenticator,
  withoutPrfResults,
  type AttestationIdentity,
  type CreationOptionsInput,
  type TestAttestationCa,
} from '@coop/testing';
import { InvitationsService } from '../invitations/invitations.service';
import { startTestApp, type TestApp } from '../../../test/app.harness';
import {
  ApiClient,
  enrol,
  IDENTITY_ENV,
  TEST_ORIGIN,
  tokenOf,
  type Person,
  type Reply,
} from '../../../test/identity.harness';

/** YubiKey 5 NFC, the model the forged attestation claims to be. */
const YUBIKEY = '2fc0579f-8113-47ea-b116-bb5a8db9202a';
const OTHER_MODEL = 'cb69481e-8ff7-4039-93ec-0a2729a154a8';
const bytesOf = (uuid: string) => Uint8Array.from(Buffer.from(uuid.replace(/-/g, ''), 'hex'));

describe('hardened roles: attestation must chain to a pinned vendor root', () => {
  let t: TestApp;
  let db: DataSource;
  let rootsDir: string;
  let vendor: TestAttestationCa;
  let admin: Person;

  const securityKey = (attestation: AttestationIdentity, aaguid = YUBIKEY, synced = false) =>
    new SoftAuthenticator({ origin: TEST_ORIGIN, aaguid: bytesOf(aaguid), attestation, synced });

  async function invite(): Promise<IssuedInvitation> {
    const issued = await admin.client.post<IssuedInvitation>('/invitations', {
      displayName: 'Hardened Facilitator',
      email: `facilitator.${Date.now()}.${Math.random()}@example.org`,
      roles: ['facilitator'],
      stateCode: null,
    });
    expect(issued.status).toBe(201);
    return issued.body;
  }

  /** Registers for a fresh facilitator invitation; returns the answer and what was stored. */
  async function register(authenticator: SoftAuthenticator): Promise<{
    reply: Reply<unknown>;
    invitation: IssuedInvitation;
    stored: number;
  }> {
    const invitation = await invite();
    const token = tokenOf(invitation.link);
    const client = new ApiClient(t.url);
    const options = await client.post<CreationOptionsInput>('/auth/registration/options', {
      token,
    });
    expect(options.status).toBe(200);
    expect(options.body.attestation).toBe('direct');
    const response = withoutPrfResults(await authenticator.register(options.body));
    const reply = await client.post('/auth/registration/verify', {
      token,
      passkeyName: 'Key',
      response,
    });
    const rows = (await db.query('SELECT count(*)::int AS n FROM passkeys WHERE user_id = $1', [
      invitation.invitation.userId,
    ])) as { n: number }[];
    return { reply, invitation, stored: rows[0].n };
  }

  function expectNotAllowed(reply: Reply<unknown>, says: RegExp): void {
    expect(reply.status).toBe(400);
    const doc = problemSchema.parse(reply.body);
    expect(doc.type).toBe('urn:coop:problem:authenticator-not-allowed');
    expect(doc.detail).toMatch(says);
    expect(reply.headers.get('set-cookie')).toBeNull();
  }

  beforeAll(async () => {
    vendor = await createAttestationCa('CN=Test Vendor Attestation Root, O=Test Vendor AB, C=SE');
    rootsDir = mkdtempSync(join(tmpdir(), 'coop-roots-'));
    writeFileSync(join(rootsDir, 'test-vendor.pem'), vendor.rootPem);
    t = await startTestApp({
      ...IDENTITY_ENV,
      HARDENED_ROLES: 'registry_admin,facilitator',
      AAGUID_ALLOWLIST: `${YUBIKEY},${OTHER_MODEL}`,
      ATTESTATION_ROOTS_DIR: rootsDir,
    });
    db = t.app.get(DataSource);
    // The first Registry admin needs a security key whose vendor root is pinned.
    const { link } = await t.app.get(InvitationsService).bootstrap('First Admin', 'a@example.org');
    admin = await enrol(
      t,
      link,
      securityKey(await vendor.issue({ aaguid: bytesOf(YUBIKEY), intermediate: true })),
    );
  });
  afterAll(async () => {
    await t.close();
    rmSync(rootsDir, { recursive: true, force: true });
  });

  it('accepts a key whose attestation chains to the pinned root, and records it device-bound', async () => {
    const key = securityKey(await vendor.issue({ aaguid: bytesOf(YUBIKEY) }));
    const { reply, stored } = await register(key);
    expect(reply.status).toBe(200);
    expect(stored).toBe(1);
    const me = reply as Reply<Me>;
    expect(me.body.user.roles).toEqual(['facilitator']);
    const [row] = (await db.query(
      'SELECT aaguid, attestation_format, device_type, backed_up FROM passkeys WHERE user_id = $1',
      [me.body.user.id],
    )) as Record<string, unknown>[];
    expect(row).toEqual({
      aaguid: YUBIKEY,
      attestation_format: 'packed',
      device_type: 'singleDevice',
      backed_up: false,
    });
    const adminView = await admin.client.get<Passkey[]>(`/users/${me.body.user.id}/passkeys`);
    expect(adminView.body.map((p) => [p.deviceType, p.backedUp])).toEqual([
      ['singleDevice', false],
    ]);
  });

  it('refuses the forgery: a self-signed "Yubico AB" certificate with a YubiKey AAGUID, BE=0', async () => {
    const forged = await selfSignedAttestation({ aaguid: bytesOf(YUBIKEY), vendor: 'Yubico AB' });
    const { reply, invitation, stored } = await register(securityKey(forged));
    expectNotAllowed(reply, /does not lead to a vendor root this platform trusts/);
    expect(stored).toBe(0);
    const [user] = (await db.query('SELECT status FROM users WHERE id = $1', [
      invitation.invitation.userId,
    ])) as { status: string }[];
    expect(user.status).toBe('invited');
  });

  it('refuses a certificate chain that leads to another root', async () => {
    const stranger = await createAttestationCa('CN=Other Root, O=Test Vendor AB, C=SE');
    const key = securityKey(await stranger.issue({ aaguid: bytesOf(YUBIKEY), intermediate: true }));
    const { reply, stored } = await register(key);
    expectNotAllowed(reply, /does not lead to a vendor root/);
    expect(stored).toBe(0);
  });

  it('refuses an AAGUID that differs from the one the certificate names, though both are allowed', async () => {
    const certifiedForOther = await vendor.issue({ aaguid: bytesOf(OTHER_MODEL) });
    const { reply, stored } = await register(securityKey(certifiedForOther, YUBIKEY));
    expect(reply.status).toBe(400);
    const doc = problemSchema.parse(reply.body);
    expect([doc.type, doc.reason]).toEqual([
      'urn:coop:problem:webauthn-failed',
      'attestation-invalid',
    ]);
    expect(stored).toBe(0);
  });

  it('refuses a synced passkey (BE=1) even with a genuine attestation', async () => {
    const key = securityKey(await vendor.issue({ aaguid: bytesOf(YUBIKEY) }), YUBIKEY, true);
    const { reply, stored } = await register(key);
    expectNotAllowed(reply, /device-bound passkey, not a synced one/);
    expect(stored).toBe(0);
  });

  it('refuses a model that is not on the allow-list, with a genuine attestation', async () => {
    const unlisted = '00000000-0000-4000-8000-000000000001';
    const key = securityKey(await vendor.issue({ aaguid: bytesOf(unlisted) }), unlisted);
    const { reply, stored } = await register(key);
    expectNotAllowed(reply, /is not on the allow-list/);
    expect(stored).toBe(0);
  });

  it('refuses an authenticator that sends no attestation, or only a self-attestation', async () => {
    const key = securityKey(await vendor.issue({ aaguid: bytesOf(YUBIKEY) }));
    for (const attestation of ['none', 'packed-self'] as const) {
      const invitation = await invite();
      const token = tokenOf(invitation.link);
      const client = new ApiClient(t.url);
      const options = await client.post<CreationOptionsInput>('/auth/registration/options', {
        token,
      });
      const response = withoutPrfResults(await key.register(options.body, { attestation }));
      const reply = await client.post('/auth/registration/verify', {
        token,
        passkeyName: 'Key',
        response,
      });
      expectNotAllowed(reply, /proves its make/);
    }
  });

  it('lets the first Registry admin in only with a key whose vendor root is pinned', async () => {
    const invitations = t.app.get(InvitationsService);
    const { link } = await invitations.bootstrap('Second Try', 'b@example.org');
    const client = new ApiClient(t.url);
    const token = tokenOf(link);
    const options = await client.post<CreationOptionsInput>('/auth/registration/options', {
      token,
    });
    const laptop = new SoftAuthenticator({ origin: TEST_ORIGIN });
    const reply = await client.post('/auth/registration/verify', {
      token,
      passkeyName: 'Laptop',
      response: withoutPrfResults(await laptop.register(options.body)),
    });
    expectNotAllowed(reply, /proves its make/);
    expect(admin.me.user.roles).toEqual(['registry_admin']);
  });
});
