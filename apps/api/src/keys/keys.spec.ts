import {
  createAttestation,
  createKeyRecord,
  fingerprint,
  generateAccountKeys,
  generateRecoveryKey,
  wrapBundle,
  type AccountKeys,
} from '@coop/crypto';
import {
  PRF_SALT_V1,
  type KeyRecord,
  type ProblemDocument,
  type UserKeys,
  type Verification,
  type WrapRecord,
} from '@coop/contracts';
import { SoftAuthenticator, withoutPrfResults, type CreationOptionsInput } from '@coop/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock } from '../platform/clock';
import { startTestApp, type TestApp } from '../../test/app.harness';
import {
  bootstrapAdmin,
  IDENTITY_ENV,
  invitePerson,
  signIn,
  stepUp,
  TEST_ORIGIN,
  type Person,
} from '../../test/identity.harness';

interface Enrolled {
  keys: AccountKeys;
  record: KeyRecord;
}

const prfBytes = (base64url: string) => new Uint8Array(Buffer.from(base64url, 'base64url'));

/** What the web app does after the first sign-in: keys, a PRF wrap and a recovery wrap. */
async function enrolKeys(
  person: Person,
  generation = 1,
): Promise<Enrolled & { reply: { status: number; body: unknown } }> {
  const keys = await generateAccountKeys();
  const userId = person.me.user.id;
  const record = await createKeyRecord(keys, { userId, generation });
  const [credential] = person.authenticator.credentials();
  const prf = prfBytes(person.authenticator.prfOutput(credential.id, PRF_SALT_V1));
  const wraps = [
    await wrapBundle(keys, 'prf', prf, { userId, generation, credentialId: credential.id }),
    await wrapBundle(keys, 'recovery', (await generateRecoveryKey()).secret, {
      userId,
      generation,
    }),
  ];
  const reply = await person.client.call('PUT', '/keys/me', { record, wraps });
  return { keys, record, reply };
}

describe('key directory', () => {
  let t: TestApp;
  let admin: Person;
  let adminKeys: Awaited<ReturnType<typeof enrolKeys>>;
  beforeAll(async () => {
    t = await startTestApp(IDENTITY_ENV);
    admin = await bootstrapAdmin(t);
    adminKeys = await enrolKeys(admin);
    expect(adminKeys.reply.status).toBe(200);
  });
  afterAll(() => t.close());

  it('publishes self-signed keys and returns the wrapped bundles only to their owner', async () => {
    const person = await invitePerson(t, admin, ['focal_point'], 'SEN');
    const { record, reply } = await enrolKeys(person);
    expect(reply.status).toBe(200);
    // Just enrolled, so the passkey confirmation is fresh.
    const mine = await person.client.get<WrapRecord[]>('/keys/me/wraps/all');
    expect(mine.body.map((w) => w.kind).sort()).toEqual(['prf', 'recovery']);
    // Others see the public record and its fingerprint, never the wraps.
    const seen = await admin.client.get<UserKeys>(`/keys/users/${person.me.user.id}`);
    expect(seen.body.current).toEqual(record);
    expect(seen.body.fingerprint).toBe(await fingerprint(record));
    expect(JSON.stringify(seen.body)).not.toContain(mine.body[0].ciphertext);
    expect(
      (await admin.client.get<WrapRecord[]>('/keys/me/wraps/all')).body.every(
        (w) => w.ciphertext !== mine.body[0].ciphertext,
      ),
    ).toBe(true);
  });

  it('gives a plain session only the PRF wrap of its passkey, the guessable wraps after a step-up', async () => {
    const person = await invitePerson(t, admin, ['facilitator']);
    const userId = person.me.user.id;
    const { keys } = await enrolKeys(person);
    const [phone] = person.authenticator.credentials();
    const passphrase = await wrapBundle(
      keys,
      'passphrase',
      'correct horse battery staple',
      { userId, generation: 1 },
      { argon2id: { opslimit: 2, memlimit: 67_108_864 } },
    );
    expect((await person.client.call('PUT', '/keys/me/wraps', { wrap: passphrase })).status).toBe(
      204,
    );
    const laptop = new SoftAuthenticator({ origin: TEST_ORIGIN });
    const options = await person.client.post<CreationOptionsInput>('/me/passkeys/options');
    const response = withoutPrfResults(await laptop.register(options.body));
    expect(
      (await person.client.post('/me/passkeys', { passkeyName: 'Laptop', response })).status,
    ).toBe(201);
    const laptopWrap = await wrapBundle(
      keys,
      'prf',
      prfBytes(laptop.prfOutput(response.id, PRF_SALT_V1)),
      { userId, generation: 1, credentialId: response.id },
    );
    expect((await person.client.call('PUT', '/keys/me/wraps', { wrap: laptopWrap })).status).toBe(
      204,
    );

    // Past the step-up window, as a stolen session cookie would be.
    const spy = jest
      .spyOn(t.app.get(Clock), 'now')
      .mockReturnValue(new Date(Date.now() + 6 * 60_000));
    try {
      const plain = await person.client.get<WrapRecord[]>('/keys/me/wraps');
      expect(plain.body.map((w) => [w.kind, w.wrapId])).toEqual([['prf', phone.id]]);
      const refused = await person.client.get<{ type: string }>('/keys/me/wraps/all');
      expect(refused.status).toBe(401);
      expect(refused.body.type).toBe('urn:coop:problem:step-up-required');
      expect((await person.client.get<string[]>('/keys/me/wraps/kinds')).body).toEqual([
        'passphrase',
        'prf',
        'recovery',
      ]);
      await stepUp(person);
      const all = await person.client.get<WrapRecord[]>('/keys/me/wraps/all');
      expect(all.body.map((w) => w.kind).sort()).toEqual(['passphrase', 'prf', 'prf', 'recovery']);

      const onLaptop = await signIn(t, laptop);
      const laptops = await onLaptop.client.get<WrapRecord[]>('/keys/me/wraps');
      expect(laptops.body.map((w) => [w.kind, w.wrapId])).toEqual([['prf', response.id]]);
    } finally {
      spy.mockRestore();
    }
  });

  it('rejects a record whose self-signature fails, or made out to someone else', async () => {
    const person = await invitePerson(t, admin, ['facilitator']);
    const keys = await generateAccountKeys();
    const record = await createKeyRecord(keys, { userId: person.me.user.id, generation: 1 });
    const other = await generateAccountKeys();
    const recovery = await wrapBundle(keys, 'recovery', (await generateRecoveryKey()).secret, {
      userId: person.me.user.id,
      generation: 1,
    });
    const forged = {
      ...record,
      encryptionKey: (await createKeyRecord(other, { userId: person.me.user.id, generation: 1 }))
        .encryptionKey,
    };
    expect(
      (await person.client.call('PUT', '/keys/me', { record: forged, wraps: [recovery] })).status,
    ).toBe(422);
    const foreign = await createKeyRecord(keys, { userId: admin.me.user.id, generation: 1 });
    expect(
      (await person.client.call('PUT', '/keys/me', { record: foreign, wraps: [recovery] })).status,
    ).toBe(422);
    // A wrap signed by other keys does not belong to this record.
    const alien = await wrapBundle(other, 'recovery', (await generateRecoveryKey()).secret, {
      userId: person.me.user.id,
      generation: 1,
    });
    expect((await person.client.call('PUT', '/keys/me', { record, wraps: [alien] })).status).toBe(
      422,
    );
    // A PRF wrap must name one of the user's own passkeys.
    const stray = await wrapBundle(keys, 'prf', new Uint8Array(32).fill(9), {
      userId: person.me.user.id,
      generation: 1,
      credentialId: 'c29tZW9uZS1lbHNl',
    });
    expect((await person.client.call('PUT', '/keys/me', { record, wraps: [stray] })).status).toBe(
      422,
    );
    expect((await person.client.get<UserKeys>('/keys/me')).body.current).toBeNull();
  });

  it('keeps the key history and marks verifications stale when a contact’s key changes', async () => {
    const contact = await invitePerson(t, admin, ['focal_point'], 'FRA');
    const first = await enrolKeys(contact);
    const print = await fingerprint(first.record);
    const verified = await admin.client.post<Verification>('/keys/verifications', {
      subjectUserId: contact.me.user.id,
      fingerprint: print,
    });
    expect(verified.body.stale).toBe(false);

    expect((await enrolKeys(contact, 1)).reply.status).toBe(409); // generation must move on
    await stepUp(contact);
    const second = await enrolKeys(contact, 2);
    expect(second.reply.status).toBe(200);
    const keys = await admin.client.get<UserKeys>(`/keys/users/${contact.me.user.id}`);
    expect(keys.body.history.map((h) => h.generation)).toEqual([1, 2]);
    const mine = await admin.client.get<Verification[]>('/keys/verifications');
    expect(mine.body.find((v) => v.subjectUserId === contact.me.user.id)?.stale).toBe(true);
    // Comparing an old fingerprint is refused.
    expect(
      (
        await admin.client.post('/keys/verifications', {
          subjectUserId: contact.me.user.id,
          fingerprint: print,
        })
      ).status,
    ).toBe(409);
  });

  it('stores Registry attestations only when signed by the admin’s current key and true to the user', async () => {
    const person = await invitePerson(t, admin, ['focal_point'], 'MEX');
    const { record } = await enrolKeys(person);
    const statement = {
      subjectUserId: person.me.user.id,
      stateCode: 'MEX',
      roles: ['focal_point'],
      fingerprint: await fingerprint(record),
      attesterUserId: admin.me.user.id,
      attesterFingerprint: await fingerprint(adminKeys.record),
      attestedAt: new Date().toISOString(),
    };
    const path = `/keys/users/${person.me.user.id}/attestations`;

    // Not an admin.
    const facilitator = await invitePerson(t, admin, ['facilitator']);
    const byFacilitator = await createAttestation(statement, (await enrolKeys(facilitator)).keys);
    expect(
      (
        await facilitator.client.post(path, {
          ...byFacilitator,
          attesterUserId: facilitator.me.user.id,
        })
      ).status,
    ).toBe(403);

    await stepUp(admin);
    const forged = await createAttestation(statement, await generateAccountKeys());
    expect((await admin.client.post(path, forged)).status).toBe(422);
    const wrongState = await createAttestation({ ...statement, stateCode: 'SEN' }, adminKeys.keys);
    expect((await admin.client.post(path, wrongState)).status).toBe(422);
    const good = await createAttestation(statement, adminKeys.keys);
    const stored = await admin.client.post<UserKeys>(path, good);
    expect(stored.status).toBe(201);
    expect(stored.body.attestations).toEqual([good]);

    const root = await person.client.get<{ userId: string; fingerprint: string }>('/keys/root');
    expect(root.body).toMatchObject({
      userId: admin.me.user.id,
      fingerprint: await fingerprint(adminKeys.record),
    });
  });

  it('forgets the wrap of a passkey once it is retired, so a lost authenticator unlocks nothing', async () => {
    const person = await invitePerson(t, admin, ['facilitator']);
    await enrolKeys(person);
    const kinds = async () =>
      (
        (await t.app
          .get(DataSource)
          .query(`SELECT kind FROM key_wraps WHERE user_id = $1 ORDER BY kind`, [
            person.me.user.id,
          ])) as { kind: string }[]
      ).map((r) => r.kind);
    expect(await kinds()).toEqual(['prf', 'recovery']);
    await stepUp(admin);
    const deactivated = await admin.client.post(`/users/${person.me.user.id}/status`, {
      status: 'deactivated',
      reason: 'device lost',
    });
    expect(deactivated.status).toBe(200);
    expect(await kinds()).toEqual(['recovery']);
  });

  it('answers 404 for the keys of a suspended, deactivated or invited account, as for nobody', async () => {
    const viewer = await invitePerson(t, admin, ['facilitator']);
    const suspended = await invitePerson(t, admin, ['facilitator']);
    const deactivated = await invitePerson(t, admin, ['facilitator']);
    await enrolKeys(suspended);
    await enrolKeys(deactivated);
    await stepUp(admin);
    for (const [person, status] of [
      [suspended, 'suspended'],
      [deactivated, 'deactivated'],
    ] as const) {
      const changed = await admin.client.post(`/users/${person.me.user.id}/status`, {
        status,
        reason: 'left the organisation',
      });
      expect(changed.status).toBe(200);
    }
    const invited = await admin.client.post<{ invitation: { userId: string } }>('/invitations', {
      displayName: 'Not Yet Enrolled',
      email: 'not.yet@example.org',
      roles: ['facilitator'],
    });
    expect(invited.status).toBe(201);

    const answer = async (caller: Person, id: string) => {
      const res = await caller.client.get<ProblemDocument>(`/keys/users/${id}`);
      return { status: res.status, type: res.body.type, detail: res.body.detail };
    };
    const nobody = await answer(viewer, randomUUID());
    expect(nobody.status).toBe(404);
    for (const id of [
      suspended.me.user.id,
      deactivated.me.user.id,
      invited.body.invitation.userId,
    ]) {
      for (const caller of [viewer, admin])
        expect({ id, ...(await answer(caller, id)) }).toEqual({ id, ...nobody });
    }
    expect((await viewer.client.get(`/keys/users/${admin.me.user.id}`)).status).toBe(200);
  });
});
