import type { Invitation, Me, Passkey, Session, User } from '@coop/contracts';
import {
  SoftAuthenticator,
  withoutPrfResults,
  type CreationOptionsInput,
  type RequestOptionsInput,
} from '@coop/testing';
import { Clock } from '../platform/clock';
import { startTestApp, type TestApp } from '../../test/app.harness';
import {
  ApiClient,
  bootstrapAdmin,
  enrol,
  IDENTITY_ENV,
  invitePerson,
  signIn,
  stepUp,
  TEST_ORIGIN,
  type Person,
} from '../../test/identity.harness';

describe('identity and access, end to end over HTTP', () => {
  let t: TestApp;
  let admin: Person;
  beforeAll(async () => {
    t = await startTestApp(IDENTITY_ENV);
    admin = await bootstrapAdmin(t);
  });
  afterAll(() => t.close());

  it('bootstraps the first Registry admin and signs them in with a session cookie', async () => {
    expect(admin.me.user.roles).toEqual(['registry_admin']);
    expect(admin.me.user.status).toBe('active');
    expect(admin.client.cookie).toMatch(/^__Host-coop-session=[A-Za-z0-9_-]{43}$/);
    const me = await admin.client.get<Me>('/me');
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe(admin.me.user.id);
  });

  it('sets the session cookie HttpOnly, Secure, SameSite=Strict on Path=/, with no Domain', async () => {
    const client = new ApiClient(t.url);
    const options = await client.post<RequestOptionsInput>('/auth/sign-in/options');
    const response = withoutPrfResults(await admin.authenticator.authenticate(options.body));
    const res = await fetch(`${t.url}/api/v1/auth/sign-in/verify`, {
      method: 'POST',
      headers: { Origin: TEST_ORIGIN, 'X-Coop-Csrf': '1', 'Content-Type': 'application/json' },
      body: JSON.stringify({ response }),
    });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^__Host-coop-session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Domain=/i);
  });

  it('invites a facilitator and two focal points of different States, who enrol and sign in', async () => {
    const facilitator = await invitePerson(t, admin, ['facilitator']);
    const senegal = await invitePerson(t, admin, ['focal_point'], 'SEN');
    const france = await invitePerson(t, admin, ['focal_point'], 'FRA');
    expect(facilitator.me.user.roles).toEqual(['facilitator']);
    expect(senegal.me.user.stateCode).toBe('SEN');
    const again = await signIn(t, france.authenticator);
    expect(again.me.user.id).toBe(france.me.user.id);

    // Focal points see their own State's team, not another State's.
    expect((await senegal.client.get<User[]>('/states/SEN/members')).status).toBe(200);
    expect((await senegal.client.get('/states/FRA/members')).status).toBe(403);
    expect(
      (await facilitator.client.get<User[]>('/states/FRA/members')).body.map((u) => u.id),
    ).toContain(france.me.user.id);
    // Nor can they reach the admin routes.
    expect((await senegal.client.get('/users')).status).toBe(403);
    expect(
      (
        await senegal.client.post('/invitations', {
          displayName: 'X',
          email: 'x@example.org',
          roles: ['facilitator'],
        })
      ).status,
    ).toBe(403);
  });

  it('ends a suspended user’s open session at once', async () => {
    const person = await invitePerson(t, admin, ['facilitator']);
    expect((await person.client.get('/me')).status).toBe(200);
    await stepUp(admin);
    const suspended = await admin.client.post<User>(`/users/${person.me.user.id}/status`, {
      status: 'suspended',
      reason: 'lost device reported',
    });
    expect(suspended.status).toBe(200);
    expect((await person.client.get('/me')).status).toBe(401);
    // And they cannot sign in again while suspended.
    const retry = new ApiClient(t.url);
    const options = await retry.post<RequestOptionsInput>('/auth/sign-in/options');
    const response = withoutPrfResults(await person.authenticator.authenticate(options.body));
    expect((await retry.post('/auth/sign-in/verify', { response })).status).toBe(403);
  });

  it('requires a fresh passkey confirmation for sensitive actions', async () => {
    const person = await invitePerson(t, admin, ['facilitator']);
    const late = await signIn(t, admin.authenticator);
    const target = `/users/${person.me.user.id}`;
    // A sign-in counts as a fresh verification, so move the clock past the five-minute window.
    const spy = jest
      .spyOn(t.app.get(Clock), 'now')
      .mockReturnValue(new Date(Date.now() + 6 * 60_000));
    try {
      const refused = await late.client.patch<{ type: string }>(target, { displayName: 'Renamed' });
      expect(refused.status).toBe(401);
      expect(refused.body.type).toBe('urn:coop:problem:step-up-required');
      await stepUp(late);
      expect((await late.client.patch<User>(target, { displayName: 'Renamed' })).status).toBe(200);
    } finally {
      spy.mockRestore();
    }
  });

  it('lists and revokes the user’s own sessions and passkeys, keeping the last passkey', async () => {
    const person = await invitePerson(t, admin, ['facilitator']);
    const second = await signIn(t, person.authenticator);
    const sessions = await person.client.get<Session[]>('/me/sessions');
    expect(sessions.body.length).toBe(2);
    const other = sessions.body.find((s) => !s.current);
    expect((await person.client.delete(`/me/sessions/${other?.id}`)).status).toBe(204);
    expect((await second.client.get('/me')).status).toBe(401);

    const passkeys = await person.client.get<Passkey[]>('/me/passkeys');
    expect(passkeys.body).toHaveLength(1);
    await stepUp(person);
    const refused = await person.client.delete(`/me/passkeys/${passkeys.body[0].id}`);
    expect(refused.status).toBe(409);

    // A second passkey on another authenticator, then the first can go.
    const other2 = new SoftAuthenticator({ origin: TEST_ORIGIN });
    const options = await person.client.post<CreationOptionsInput>('/me/passkeys/options');
    expect(options.status).toBe(200);
    const response = withoutPrfResults(await other2.register(options.body));
    expect(
      (await person.client.post('/me/passkeys', { passkeyName: 'Laptop', response })).status,
    ).toBe(201);
    expect((await person.client.delete(`/me/passkeys/${passkeys.body[0].id}`)).status).toBe(204);
    // This browser signed in with the passkey just revoked, so it is signed out with it.
    expect((await person.client.get('/me')).status).toBe(401);
    const onLaptop = await signIn(t, other2);
    expect((await onLaptop.client.get<Passkey[]>('/me/passkeys')).body.map((p) => p.name)).toEqual([
      'Laptop',
    ]);
  });

  it('lists invitations with their status and lets an admin revoke a pending one', async () => {
    const issued = await admin.client.post<{ invitation: Invitation; link: string }>(
      '/invitations',
      {
        displayName: 'Pending Person',
        email: 'pending.person@example.org',
        roles: ['focal_point'],
        stateCode: 'MEX',
      },
    );
    expect(issued.status).toBe(201);
    expect(issued.body.link).toMatch(new RegExp(`^${TEST_ORIGIN}/invite#[A-Za-z0-9_-]{43}$`));
    const listed = await admin.client.get<Invitation[]>('/invitations?status=pending');
    expect(listed.body.map((i) => i.id)).toContain(issued.body.invitation.id);
    expect(
      (await admin.client.delete<Invitation>(`/invitations/${issued.body.invitation.id}`)).body
        .status,
    ).toBe('revoked');
    await expect(enrol(t, issued.body.link)).rejects.toThrow(/410/);
  });
});
