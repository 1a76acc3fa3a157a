import { SoftAuthenticator, withoutPrfResults, type CreationOptionsInput } from '@coop/testing';
import type { Passkey, Session } from '@coop/contracts';
import { startTestApp, type TestApp } from '../../../test/app.harness';
import {
  ApiClient,
  bootstrapAdmin,
  IDENTITY_ENV,
  invitePerson,
  signIn,
  stepUp,
  TEST_ORIGIN,
  type Person,
} from '../../../test/identity.harness';

/** The person signs in a second browser with a second passkey, as someone with a laptop would. */
async function secondDevice(t: TestApp, person: Person): Promise<Person> {
  const laptop = new SoftAuthenticator({ origin: TEST_ORIGIN });
  await stepUp(person);
  const options = await person.client.post<CreationOptionsInput>('/me/passkeys/options');
  const response = withoutPrfResults(await laptop.register(options.body));
  const added = await person.client.post('/me/passkeys', { passkeyName: 'Laptop', response });
  expect(added.status).toBe(201);
  return signIn(t, laptop);
}

async function laptopKey(person: Person): Promise<Passkey> {
  const passkeys = (await person.client.get<Passkey[]>('/me/passkeys')).body;
  const laptop = passkeys.find((p) => p.name === 'Laptop');
  if (!laptop) throw new Error('the laptop passkey was not added');
  return laptop;
}

describe('sessions under attack', () => {
  let t: TestApp;
  let admin: Person;

  beforeAll(async () => {
    t = await startTestApp(IDENTITY_ENV);
    admin = await bootstrapAdmin(t);
  });
  afterAll(() => t.close());

  it('should not keep a thief signed in after the stolen laptop’s passkey is revoked', async () => {
    const phone = await invitePerson(t, admin, ['facilitator']);
    const thief = await secondDevice(t, phone);
    expect((await thief.client.get('/me')).status).toBe(200);

    await stepUp(phone);
    expect((await phone.client.delete(`/me/passkeys/${(await laptopKey(phone)).id}`)).status).toBe(
      204,
    );

    expect((await thief.client.get('/me')).status).toBe(401);
    expect((await phone.client.get('/me')).status).toBe(200);
  });

  it('should not keep those sessions alive when a Registry admin revokes the passkey', async () => {
    const phone = await invitePerson(t, admin, ['facilitator']);
    const thief = await secondDevice(t, phone);
    const passkey = await laptopKey(phone);

    await stepUp(admin);
    const revoked = await admin.client.delete(`/users/${phone.me.user.id}/passkeys/${passkey.id}`);
    expect(revoked.status).toBe(204);

    expect((await thief.client.get('/me')).status).toBe(401);
    expect((await phone.client.get('/me')).status).toBe(200);
    const left = await admin.client.get<Session[]>(`/users/${phone.me.user.id}/sessions`);
    expect(left.body).toHaveLength(1);
  });

  it('should not let a cookie copied before a step-up use the confirmed session', async () => {
    const person = await invitePerson(t, admin, ['facilitator']);
    const copied = new ApiClient(t.url);
    copied.cookie = person.client.cookie;

    await stepUp(person);

    expect(person.client.cookie).not.toBe(copied.cookie);
    expect((await copied.get('/me')).status).toBe(401);
    expect((await person.client.get('/me')).status).toBe(200);
    const options = await copied.post('/me/passkeys/options');
    expect(options.status).toBe(401);
  });

  it('should not leave the older session alive when the same browser signs in again', async () => {
    const person = await invitePerson(t, admin, ['facilitator']);
    const before = person.client.cookie;
    const old = new ApiClient(t.url);
    old.cookie = before;

    const again = await person.client.post('/auth/sign-in/options');
    expect(again.status).toBe(200);
    const response = withoutPrfResults(
      await person.authenticator.authenticate(again.body as never),
    );
    expect((await person.client.post('/auth/sign-in/verify', { response })).status).toBe(200);

    expect(person.client.cookie).not.toBe(before);
    expect((await old.get('/me')).status).toBe(401);
    const sessions = await person.client.get<Session[]>('/me/sessions');
    expect(sessions.body).toHaveLength(1);
  });
});
