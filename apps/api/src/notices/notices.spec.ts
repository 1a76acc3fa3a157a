import type {
  IssuedInvitation,
  LastSignIn,
  Me,
  NoticeList,
  Passkey,
  Session,
} from '@coop/contracts';
import {
  SoftAuthenticator,
  withoutPrfResults,
  type CreationOptionsInput,
  type RequestOptionsInput,
} from '@coop/testing';
import { startTestApp, type TestApp } from '../../test/app.harness';
import {
  ApiClient,
  bootstrapAdmin,
  enrol,
  IDENTITY_ENV,
  invitePerson,
  stepUp,
  TEST_ORIGIN,
  type Person,
} from '../../test/identity.harness';

const FIREFOX_LINUX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
const CHROME_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';

const BROWSER_COOKIE = /^__Host-coop-device=([A-Za-z0-9_-]{43});/;

interface SignedInBrowser {
  person: Person;
  /** The browser cookie the API asked this browser to keep. */
  browserCookie: string;
  setCookie: string;
}

describe('notices', () => {
  let t: TestApp;
  let admin: Person;
  beforeAll(async () => {
    t = await startTestApp(IDENTITY_ENV);
    admin = await bootstrapAdmin(t);
  });
  afterAll(() => t.close());

  const noticesOf = async (person: Person): Promise<NoticeList> => {
    const reply = await person.client.get<NoticeList>('/me/notices');
    expect(reply.status).toBe(200);
    return reply.body;
  };
  const kindsOf = async (person: Person) => (await noticesOf(person)).notices.map((n) => n.kind);

  /** A sign-in from a browser that sends the browser cookie it kept, if any. */
  async function signInFrom(
    authenticator: SoftAuthenticator,
    userAgent: string,
    browserCookie?: string,
  ): Promise<SignedInBrowser> {
    const client = new ApiClient(t.url);
    client.cookie = browserCookie;
    const options = await client.post<RequestOptionsInput>('/auth/sign-in/options');
    const response = withoutPrfResults(await authenticator.authenticate(options.body));
    const verified = await client.call<Me>(
      'POST',
      '/auth/sign-in/verify',
      { response },
      { 'User-Agent': userAgent },
    );
    expect(verified.status).toBe(200);
    const setCookie = verified.headers.getSetCookie().find((c) => BROWSER_COOKIE.test(c)) ?? '';
    return {
      person: { client, authenticator, me: verified.body },
      browserCookie: setCookie.split(';')[0],
      setCookie,
    };
  }

  async function addPasskey(person: Person, name: string): Promise<Passkey> {
    const options = await person.client.post<CreationOptionsInput>('/me/passkeys/options');
    const response = withoutPrfResults(
      await new SoftAuthenticator({ origin: TEST_ORIGIN }).register(options.body),
    );
    const added = await person.client.post<Passkey>('/me/passkeys', {
      passkeyName: name,
      response,
    });
    expect(added.status).toBe(201);
    return added.body;
  }

  it('tells users of passkeys added and revoked, by them or an admin, and nobody else', async () => {
    const person = await invitePerson(t, admin, ['facilitator']);
    // The sign-in of the enrolment itself is not news to anyone.
    expect(await noticesOf(person)).toEqual({ notices: [], unread: 0 });

    const laptop = await addPasskey(person, 'Laptop');
    const tablet = await addPasskey(person, 'Tablet');
    expect((await person.client.delete(`/me/passkeys/${tablet.id}`)).status).toBe(204);
    await stepUp(admin);
    expect(
      (await admin.client.delete(`/users/${person.me.user.id}/passkeys/${laptop.id}`)).status,
    ).toBe(204);

    const { notices, unread } = await noticesOf(person);
    expect(unread).toBe(4);
    expect(notices.map((n) => [n.kind, n.details])).toEqual([
      ['passkey-revoked', { passkeyName: 'Laptop', byAdmin: true }],
      ['passkey-revoked', { passkeyName: 'Tablet', byAdmin: false }],
      ['passkey-added', { passkeyName: 'Tablet', viaRecovery: false }],
      ['passkey-added', { passkeyName: 'Laptop', viaRecovery: false }],
    ]);

    // Another user sees none of them and cannot touch them.
    const other = await invitePerson(t, admin, ['facilitator']);
    const seen = await noticesOf(other);
    expect(seen.notices.map((n) => n.id)).not.toContain(notices[0].id);
    expect(seen.unread).toBe(0);
    expect((await other.client.post(`/me/notices/${notices[0].id}/read`)).status).toBe(404);
    expect((await other.client.post('/me/notices/read')).status).toBe(204);
    expect((await noticesOf(person)).unread).toBe(4);

    expect((await person.client.post(`/me/notices/${notices[0].id}/read`)).status).toBe(204);
    const afterOne = await noticesOf(person);
    expect(afterOne.unread).toBe(3);
    expect(afterOne.notices[0].readAt).not.toBeNull();
    expect((await person.client.post('/me/notices/read')).status).toBe(204);
    expect((await noticesOf(person)).unread).toBe(0);
  });

  it('tells a user that a recovery link was issued for them, and of the passkey it added', async () => {
    const person = await invitePerson(t, admin, ['facilitator']);
    await stepUp(admin);
    const issued = await admin.client.post<IssuedInvitation>(
      `/users/${person.me.user.id}/recovery-invitation`,
      {},
    );
    expect(issued.status).toBe(201);
    const [notice] = (await noticesOf(person)).notices;
    expect(notice).toMatchObject({
      kind: 'recovery-issued',
      details: { expiresAt: issued.body.invitation.expiresAt },
    });

    const recovered = await enrol(t, issued.body.link);
    expect(await kindsOf(recovered)).toEqual(['passkey-added', 'recovery-issued']);
    expect((await noticesOf(recovered)).notices[0].details).toEqual({
      passkeyName: 'Test passkey',
      viaRecovery: true,
    });
  });

  it('tells a user of a sign-in from a browser they never used, not from one they did', async () => {
    const person = await invitePerson(t, admin, ['facilitator']);
    const first = await signInFrom(person.authenticator, FIREFOX_LINUX);
    expect(first.setCookie).toMatch(BROWSER_COOKIE);
    expect(first.setCookie).toMatch(/HttpOnly/i);
    expect(first.setCookie).toMatch(/Secure/i);
    expect(first.setCookie).toMatch(/SameSite=Strict/i);
    expect(first.setCookie).toMatch(/Path=\//);
    const [notice] = (await noticesOf(person)).notices;
    expect(notice).toMatchObject({ kind: 'new-browser', details: { browser: 'Firefox · Linux' } });

    // The same browser again: nothing new, and it keeps its cookie.
    const again = await signInFrom(person.authenticator, FIREFOX_LINUX, first.browserCookie);
    expect(again.browserCookie).toBe(first.browserCookie);
    expect(await kindsOf(person)).toEqual(['new-browser']);

    // A browser known for another account is still new for this one.
    const adminBrowser = await signInFrom(admin.authenticator, CHROME_WINDOWS);
    await signInFrom(person.authenticator, CHROME_WINDOWS, adminBrowser.browserCookie);
    const notices = (await noticesOf(person)).notices;
    expect(notices.map((n) => [n.kind, n.details])).toEqual([
      ['new-browser', { browser: 'Chrome · Windows' }],
      ['new-browser', { browser: 'Firefox · Linux' }],
    ]);

    // A cookie that is not one of ours counts as none.
    const forged = await signInFrom(person.authenticator, FIREFOX_LINUX, '__Host-coop-device=x');
    expect(forged.browserCookie).not.toBe('__Host-coop-device=x');
    expect(await kindsOf(person)).toHaveLength(3);
  });

  it('shows the time and browser of the sign-in before the current one', async () => {
    const person = await invitePerson(t, admin, ['facilitator']);
    const lastSignIn = async (p: Person) =>
      (await p.client.get<LastSignIn>('/me/last-sign-in')).body;
    // Enrolment opened the first session: nothing came before it.
    expect(await lastSignIn(person)).toEqual({ previous: null });

    const enrolled = person.me.session;
    const onFirefox = await signInFrom(person.authenticator, FIREFOX_LINUX);
    const fromFirefox = await lastSignIn(onFirefox.person);
    expect(fromFirefox.previous?.browser).toBeNull();
    expect(Date.parse(fromFirefox.previous?.at ?? '')).toBeLessThanOrEqual(
      Date.parse(onFirefox.person.me.session.verifiedAt),
    );
    expect(Date.parse(fromFirefox.previous?.at ?? '')).toBeGreaterThanOrEqual(
      Date.parse(enrolled.verifiedAt),
    );

    const onChrome = await signInFrom(person.authenticator, CHROME_WINDOWS);
    const fromChrome = await lastSignIn(onChrome.person);
    expect(fromChrome.previous?.browser).toBe('Firefox · Linux');
    const at = Date.parse(fromChrome.previous?.at ?? '');
    expect(at).toBeGreaterThanOrEqual(Date.parse(onFirefox.person.me.session.verifiedAt));
    expect(at).toBeLessThanOrEqual(Date.parse(onChrome.person.me.session.verifiedAt));
    // Each session answers for the sign-in that came before its own.
    expect(await lastSignIn(onFirefox.person)).toEqual(fromFirefox);
  });

  it('tells a user that an admin ended one of their sessions, not when they did', async () => {
    const person = await invitePerson(t, admin, ['facilitator']);
    const elsewhere = await signInFrom(person.authenticator, FIREFOX_LINUX);
    const third = await signInFrom(person.authenticator, FIREFOX_LINUX, elsewhere.browserCookie);
    const sessions = (await person.client.get<Session[]>('/me/sessions')).body;
    const mine = sessions.find((s) => s.id === third.person.me.session.id);
    expect((await person.client.delete(`/me/sessions/${mine?.id}`)).status).toBe(204);
    expect(await kindsOf(person)).toEqual(['new-browser']);

    await stepUp(admin);
    const target = elsewhere.person.me.session.id;
    expect(
      (await admin.client.delete(`/users/${person.me.user.id}/sessions/${target}`)).status,
    ).toBe(204);
    const [notice] = (await noticesOf(person)).notices;
    expect(notice).toMatchObject({ kind: 'sessions-ended', details: { count: 1 } });
    expect((await elsewhere.person.client.get('/me')).status).toBe(401);
  });
});
