import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  PRF_SALT_V1,
  problemSchema,
  type IssuedInvitation,
  type Me,
  type Passkey,
  type ProblemDocument,
} from '@coop/contracts';
import {
  SoftAuthenticator,
  withoutPrfResults,
  type CreationOptionsInput,
  type RequestOptionsInput,
  type SoftAuthenticationResponseJSON,
} from '@coop/testing';
import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import { Clock } from '../../platform/clock';
import { WebauthnService } from './webauthn.service';
import { startTestApp, type TestApp } from '../../../test/app.harness';
import {
  ApiClient,
  bootstrapAdmin,
  enrol,
  IDENTITY_ENV,
  invitePerson,
  signIn,
  stepUp,
  TEST_ORIGIN,
  tokenOf,
  type Person,
  type Reply,
} from '../../../test/identity.harness';

const problem = (type: string) => `urn:coop:problem:${type}`;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A refusal: a 4xx problem document, and no session cookie handed out. */
function expectRefusal(reply: Reply, status: number, type?: string): ProblemDocument {
  expect(reply.status).toBe(status);
  expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const doc = problemSchema.parse(reply.body);
  expect(doc.status).toBe(status);
  if (type) expect(doc.type).toBe(problem(type));
  expect(doc.detail.length).toBeGreaterThan(0);
  expect(reply.headers.get('set-cookie')).toBeNull();
  return doc;
}

describe('passkey ceremonies under attack', () => {
  let t: TestApp;
  let db: DataSource;
  let admin: Person;
  /** A facilitator whose passkey the sign-in attacks aim at. */
  let victim: Person;

  const count = async (table: string, where = 'TRUE', params: unknown[] = []) =>
    Number(
      (
        (await db.query(`SELECT count(*)::int AS n FROM "${table}" WHERE ${where}`, params)) as {
          n: number;
        }[]
      )[0].n,
    );
  const sessionCount = () => count('sessions');

  /** Runs `attempt` and checks it opened no session, whatever it answered. */
  async function withoutNewSession<T>(attempt: () => Promise<T>): Promise<T> {
    const before = await sessionCount();
    const result = await attempt();
    expect(await sessionCount()).toBe(before);
    return result;
  }

  async function signInOptions(client = new ApiClient(t.url)) {
    const options = await client.post<RequestOptionsInput>('/auth/sign-in/options');
    expect(options.status).toBe(200);
    return { client, options: options.body };
  }

  const postAssertion = (client: ApiClient, response: unknown) =>
    client.post<ProblemDocument>('/auth/sign-in/verify', { response });

  async function withClock<T>(offsetMs: number, fn: () => Promise<T>): Promise<T> {
    const spy = jest
      .spyOn(t.app.get(Clock), 'now')
      .mockImplementation(() => new Date(Date.now() + offsetMs));
    try {
      return await fn();
    } finally {
      spy.mockRestore();
    }
  }

  async function issueInvitation(
    roles: ('facilitator' | 'focal_point')[] = ['facilitator'],
    stateCode: string | null = null,
  ): Promise<IssuedInvitation> {
    const issued = await admin.client.post<IssuedInvitation>('/invitations', {
      displayName: `Invitee ${randomUUID().slice(0, 8)}`,
      email: `invitee.${randomUUID()}@example.org`,
      roles,
      stateCode,
    });
    expect(issued.status).toBe(201);
    return issued.body;
  }

  const userRow = async (id: string) =>
    (
      (await db.query('SELECT status, roles, state_code FROM users WHERE id = $1', [id])) as {
        status: string;
        roles: string[];
        state_code: string | null;
      }[]
    )[0];
  const invitationStatus = async (id: string) =>
    (
      (await admin.client.get<{ id: string; status: string }[]>('/invitations')).body.find(
        (i) => i.id === id,
      ) ?? { status: 'missing' }
    ).status;

  beforeAll(async () => {
    t = await startTestApp(IDENTITY_ENV);
    db = t.app.get(DataSource);
    admin = await bootstrapAdmin(t);
    victim = await invitePerson(t, admin, ['facilitator']);
  });
  afterAll(() => t.close());

  describe('sign-in assertions', () => {
    it('refuses a replayed assertion: the same response posted twice', async () => {
      const { client, options } = await signInOptions();
      const response = withoutPrfResults(await victim.authenticator.authenticate(options));
      expect((await postAssertion(client, response)).status).toBe(200);

      const replay = new ApiClient(t.url);
      const second = await withoutNewSession(() => postAssertion(replay, response));
      expect(expectRefusal(second, 400, 'challenge-invalid').reason).toBe('challenge-used');
      expect(replay.cookie).toBeUndefined();
    });

    it('refuses an answer to a challenge issued more than five minutes ago', async () => {
      const { client, options } = await signInOptions();
      const response = withoutPrfResults(await victim.authenticator.authenticate(options));
      const late = await withClock(5 * MINUTE + 1_000, () =>
        withoutNewSession(() => postAssertion(client, response)),
      );
      const doc = expectRefusal(late, 400, 'challenge-invalid');
      expect(doc.reason).toBe('challenge-expired');
      expect(doc.detail).toMatch(/expired/);
    });

    it('still accepts an answer within the five minutes (control for the expiry test)', async () => {
      const { client, options } = await signInOptions();
      const response = withoutPrfResults(await victim.authenticator.authenticate(options));
      const inTime = await withClock(4 * MINUTE + 50_000, () => postAssertion(client, response));
      expect(inTime.status).toBe(200);
    });

    it('refuses an answer to a challenge the server never issued', async () => {
      const { client, options } = await signInOptions();
      const forged = randomBytes(32).toString('base64url');
      const response = withoutPrfResults(
        await victim.authenticator.authenticate(options, { challenge: forged }),
      );
      const doc = expectRefusal(
        await withoutNewSession(() => postAssertion(client, response)),
        400,
        'challenge-invalid',
      );
      expect(doc.reason).toBe('challenge-unknown');
    });

    it('refuses a registration challenge, or another session’s step-up challenge, used for sign-in', async () => {
      const invitation = await issueInvitation();
      const registration = await new ApiClient(t.url).post<CreationOptionsInput>(
        '/auth/registration/options',
        { token: tokenOf(invitation.link) },
      );
      expect(registration.status).toBe(200);
      const stepUpOptions = await victim.client.post<RequestOptionsInput>('/auth/step-up/options');
      expect(stepUpOptions.status).toBe(200);

      for (const challenge of [registration.body.challenge, stepUpOptions.body.challenge]) {
        const { client, options } = await signInOptions();
        const response = withoutPrfResults(
          await victim.authenticator.authenticate(options, { challenge }),
        );
        expectRefusal(
          await withoutNewSession(() => postAssertion(client, response)),
          400,
          'challenge-invalid',
        );
      }
    });

    it('refuses a sign-in challenge used for step-up, and one session’s step-up challenge in another', async () => {
      const { options } = await signInOptions();
      const borrowed = withoutPrfResults(await victim.authenticator.authenticate(options));
      const refused = await victim.client.post('/auth/step-up/verify', { response: borrowed });
      expectRefusal(refused, 400, 'challenge-invalid');

      const other = await signIn(t, victim.authenticator);
      const foreign = await other.client.post<RequestOptionsInput>('/auth/step-up/options');
      const answer = withoutPrfResults(await victim.authenticator.authenticate(foreign.body));
      expectRefusal(
        await victim.client.post('/auth/step-up/verify', { response: answer }),
        400,
        'challenge-invalid',
      );
    });

    it.each([
      ['a foreign origin', { origin: 'https://evil.example' }, 'origin-mismatch', /web address/],
      ['a foreign RP ID', { rpId: 'evil.example' }, 'rp-id-mismatch', /another site/],
      ['no user verification', { userVerified: false }, 'user-not-verified', /PIN/],
    ])('refuses an assertion made for %s, and says so', async (_what, overrides, reason, says) => {
      const { client, options } = await signInOptions();
      const response = withoutPrfResults(
        await victim.authenticator.authenticate(options, overrides),
      );
      const doc = expectRefusal(
        await withoutNewSession(() => postAssertion(client, response)),
        400,
        'webauthn-failed',
      );
      expect(doc.reason).toBe(reason);
      expect(doc.detail).toMatch(says);

      // A passkey unknown here gets the same answer: the cause reveals no account or passkey.
      const stranger = new SoftAuthenticator({ origin: TEST_ORIGIN });
      await stranger.register({
        rp: { name: 'Elsewhere', id: 'localhost' },
        user: { id: randomBytes(32).toString('base64url'), name: 'x', displayName: 'x' },
        challenge: randomBytes(32).toString('base64url'),
        pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
      });
      const next = await signInOptions();
      const unknown = withoutPrfResults(await stranger.authenticate(next.options, overrides));
      const same = expectRefusal(await postAssertion(next.client, unknown), 400, 'webauthn-failed');
      expect([same.reason, same.detail]).toEqual([doc.reason, doc.detail]);
    });

    it('refuses a tampered signature, authenticator data or client data', async () => {
      const flipLast = (b64: string) => {
        const bytes = Buffer.from(b64, 'base64url');
        bytes[bytes.length - 1] ^= 0x01;
        return bytes.toString('base64url');
      };
      const tamper: ((r: SoftAuthenticationResponseJSON) => SoftAuthenticationResponseJSON)[] = [
        (r) => ({ ...r, response: { ...r.response, signature: flipLast(r.response.signature) } }),
        (r) => ({
          ...r,
          response: { ...r.response, authenticatorData: flipLast(r.response.authenticatorData) },
        }),
        (r) => {
          const data = JSON.parse(Buffer.from(r.response.clientDataJSON, 'base64url').toString());
          const changed = Buffer.from(JSON.stringify({ ...data, crossOrigin: true }));
          return {
            ...r,
            response: { ...r.response, clientDataJSON: changed.toString('base64url') },
          };
        },
      ];
      for (const change of tamper) {
        const { client, options } = await signInOptions();
        const response = withoutPrfResults(
          change(await victim.authenticator.authenticate(options)),
        );
        const doc = expectRefusal(
          await withoutNewSession(() => postAssertion(client, response)),
          400,
          'webauthn-failed',
        );
        expect(doc.reason).toBe('signature-invalid');
      }
    });

    it('refuses an assertion from a credential that was never registered here (401 unknown-passkey)', async () => {
      const stranger = new SoftAuthenticator({ origin: TEST_ORIGIN });
      await stranger.register({
        rp: { name: 'Elsewhere', id: 'localhost' },
        user: { id: randomBytes(32).toString('base64url'), name: 'x', displayName: 'x' },
        challenge: randomBytes(32).toString('base64url'),
        pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
      });
      const { client, options } = await signInOptions();
      const response = withoutPrfResults(await stranger.authenticate(options));
      expectRefusal(
        await withoutNewSession(() => postAssertion(client, response)),
        401,
        'unknown-passkey',
      );
      const failures = (await db.query(
        `SELECT details FROM audit_log WHERE action = 'auth.sign_in_failed' AND details->>'credentialId' = $1`,
        [response.id],
      )) as { details: { reason: string } }[];
      expect(failures.map((f) => f.details.reason)).toEqual(['unknown-passkey']);
    });

    it('refuses an assertion from a revoked passkey (401 unknown-passkey)', async () => {
      const person = await invitePerson(t, admin, ['facilitator']);
      const spare = new SoftAuthenticator({ origin: TEST_ORIGIN });
      await stepUp(person);
      const addOptions = await person.client.post<CreationOptionsInput>('/me/passkeys/options');
      const added = await person.client.post('/me/passkeys', {
        passkeyName: 'Spare',
        response: withoutPrfResults(await spare.register(addOptions.body)),
      });
      expect(added.status).toBe(201);
      const first = (await person.client.get<Passkey[]>('/me/passkeys')).body[0];
      expect((await person.client.delete(`/me/passkeys/${first.id}`)).status).toBe(204);

      const { client, options } = await signInOptions();
      const response = withoutPrfResults(await person.authenticator.authenticate(options));
      expectRefusal(
        await withoutNewSession(() => postAssertion(client, response)),
        401,
        'unknown-passkey',
      );
      expect((await signIn(t, spare)).me.user.id).toBe(person.me.user.id);
    });
  });

  describe('PRF results never reach the server', () => {
    it('refuses a registration response that still carries PRF results (422) and stores nothing', async () => {
      const invitation = await issueInvitation();
      const token = tokenOf(invitation.link);
      const client = new ApiClient(t.url);
      const authenticator = new SoftAuthenticator({ origin: TEST_ORIGIN });
      const options = await client.post<CreationOptionsInput>('/auth/registration/options', {
        token,
      });
      const raw = await authenticator.register(options.body);
      expect(raw.clientExtensionResults.prf?.results?.first).toEqual(expect.any(String));

      const passkeysBefore = await count('passkeys');
      const refused = await withoutNewSession(() =>
        client.post('/auth/registration/verify', { token, passkeyName: 'Leaky', response: raw }),
      );
      const doc = expectRefusal(refused, 422, 'validation');
      expect(doc.errors?.map((e) => e.field)).toContain('response.clientExtensionResults.prf');
      expect(await count('passkeys')).toBe(passkeysBefore);
      expect((await userRow(invitation.invitation.userId)).status).toBe('invited');
      expect(await invitationStatus(invitation.invitation.id)).toBe('pending');

      // Nothing was spent either: the same ceremony, without the results, completes.
      const clean = await client.post<Me>('/auth/registration/verify', {
        token,
        passkeyName: 'Clean',
        response: withoutPrfResults(raw),
      });
      expect(clean.status).toBe(200);
      expect(clean.body.user.id).toBe(invitation.invitation.userId);
    });

    it('refuses sign-in and step-up assertions that carry PRF results (422)', async () => {
      const { client, options } = await signInOptions();
      const raw = await victim.authenticator.authenticate(options);
      expect(raw.clientExtensionResults.prf?.results).toBeDefined();
      expectRefusal(await withoutNewSession(() => postAssertion(client, raw)), 422, 'validation');

      const stepUpOptions = await victim.client.post<RequestOptionsInput>('/auth/step-up/options');
      const rawStepUp = await victim.authenticator.authenticate(stepUpOptions.body);
      expectRefusal(
        await victim.client.post('/auth/step-up/verify', { response: rawStepUp }),
        422,
        'validation',
      );
    });

    it('never needs nor receives PRF results in a normal enrolment, sign-in and step-up', async () => {
      const sent: string[] = [];
      const received: string[] = [];
      const realFetch = globalThis.fetch;
      const spy = jest
        .spyOn(globalThis, 'fetch')
        .mockImplementation(async (input: string | URL | Request, init?: RequestInit) => {
          if (typeof init?.body === 'string') sent.push(init.body);
          const res = await realFetch(input, init);
          received.push(await res.clone().text());
          return res;
        });
      let person: Person;
      try {
        person = await invitePerson(t, admin, ['facilitator']);
        await signIn(t, person.authenticator);
        await stepUp(person);
      } finally {
        spy.mockRestore();
      }

      // The server asks for PRF with the one platform-wide salt…
      const prfRequests = received.filter((r) => r.includes(PRF_SALT_V1));
      expect(prfRequests.length).toBeGreaterThanOrEqual(3); // registration, sign-in, step-up
      // …but no request ever carries a result, only whether PRF is available.
      const hasResults = (value: unknown): boolean =>
        typeof value === 'object' && value !== null
          ? Object.entries(value).some(([k, v]) => k === 'results' || hasResults(v))
          : false;
      const bodies = sent.map((s) => JSON.parse(s) as unknown);
      expect(bodies.filter(hasResults)).toEqual([]);
      expect(sent.some((s) => s.includes('"prf":{"enabled":true}'))).toBe(true);

      const [credential] = person.authenticator.credentials();
      const output = person.authenticator.prfOutput(credential.id, PRF_SALT_V1);
      const hex = Buffer.from(output, 'base64url').toString('hex');
      for (const body of sent) {
        expect(body).not.toContain(output);
        expect(body).not.toContain(hex);
      }
      // Nor does anything stored hold it.
      for (const table of ['passkeys', 'sessions', 'audit_log', 'webauthn_challenges', 'users']) {
        const dump = JSON.stringify(await db.query(`SELECT * FROM "${table}"`));
        expect(dump).not.toContain(output);
        expect(dump).not.toContain(hex);
      }
      const passkeys = await person.client.get<Passkey[]>('/me/passkeys');
      expect(passkeys.body.map((p) => p.prfCapable)).toEqual([true]);
    });
  });

  describe('registration responses', () => {
    it.each([
      ['a NUL character', 'inter\u0000nal'],
      ['a line break', 'usb\nnfc'],
      ['a C1 control character', 'usb\u0085'],
    ])(
      'refuses a transport name with %s (422, never a 500) and stores nothing',
      async (_what, transport) => {
        const invitation = await issueInvitation();
        const token = tokenOf(invitation.link);
        const client = new ApiClient(t.url);
        const authenticator = new SoftAuthenticator({ origin: TEST_ORIGIN });
        const options = await client.post<CreationOptionsInput>('/auth/registration/options', {
          token,
        });
        const response = withoutPrfResults(await authenticator.register(options.body));
        const passkeysBefore = await count('passkeys');
        const refused = await withoutNewSession(() =>
          client.post('/auth/registration/verify', {
            token,
            passkeyName: 'Odd transports',
            response: { ...response, response: { ...response.response, transports: [transport] } },
          }),
        );
        expectRefusal(refused, 422, 'validation');
        expect(await count('passkeys')).toBe(passkeysBefore);
        expect((await userRow(invitation.invitation.userId)).status).toBe('invited');
      },
    );

    it.each([
      ['a foreign origin', { origin: 'https://evil.example' }, 'origin-mismatch'],
      ['a foreign RP ID', { rpId: 'evil.example' }, 'rp-id-mismatch'],
      [
        'a challenge the server never issued',
        { challenge: randomBytes(32).toString('base64url') },
        'challenge-unknown',
      ],
    ])(
      'refuses a registration made for %s and stores nothing',
      async (_what, overrides, reason) => {
        const invitation = await issueInvitation();
        const token = tokenOf(invitation.link);
        const client = new ApiClient(t.url);
        const authenticator = new SoftAuthenticator({ origin: TEST_ORIGIN });
        const options = await client.post<CreationOptionsInput>('/auth/registration/options', {
          token,
        });
        const response = withoutPrfResults(await authenticator.register(options.body, overrides));
        const refused = await withoutNewSession(() =>
          client.post('/auth/registration/verify', { token, passkeyName: 'X', response }),
        );
        expect(expectRefusal(refused, 400).reason).toBe(reason);
        expect(await count('passkeys', 'user_id = $1', [invitation.invitation.userId])).toBe(0);
        expect((await userRow(invitation.invitation.userId)).status).toBe('invited');
      },
    );

    it('refuses a registration without user verification', async () => {
      const invitation = await issueInvitation();
      const token = tokenOf(invitation.link);
      const client = new ApiClient(t.url);
      const careless = new SoftAuthenticator({ origin: TEST_ORIGIN, userVerification: false });
      const options = await client.post<CreationOptionsInput>('/auth/registration/options', {
        token,
      });
      const response = withoutPrfResults(await careless.register(options.body));
      const doc = expectRefusal(
        await withoutNewSession(() =>
          client.post('/auth/registration/verify', { token, passkeyName: 'X', response }),
        ),
        400,
        'webauthn-failed',
      );
      expect(doc.reason).toBe('user-not-verified');
      expect((await userRow(invitation.invitation.userId)).status).toBe('invited');
    });
  });

  describe('the same attestation twice', () => {
    /** `response` rebuilt to answer `challenge`: a "none" attestation is not bound to it. */
    function reanswer(response: RegistrationResponseJSON, challenge: string) {
      const clientData = {
        type: 'webauthn.create',
        challenge,
        origin: TEST_ORIGIN,
        crossOrigin: false,
      };
      return {
        ...response,
        response: {
          ...response.response,
          clientDataJSON: Buffer.from(JSON.stringify(clientData)).toString('base64url'),
        },
      };
    }

    async function registrationFor(invitation: IssuedInvitation) {
      const token = tokenOf(invitation.link);
      const client = new ApiClient(t.url);
      const options = await client.post<CreationOptionsInput>('/auth/registration/options', {
        token,
      });
      expect(options.status).toBe(200);
      return { token, client, challenge: options.body.challenge };
    }

    it('refuses a credential already registered to someone else (409) and stores nothing', async () => {
      const first = await registrationFor(await issueInvitation());
      const authenticator = new SoftAuthenticator({ origin: TEST_ORIGIN });
      const options = await first.client.post<CreationOptionsInput>('/auth/registration/options', {
        token: first.token,
      });
      const original = withoutPrfResults(await authenticator.register(options.body));
      const done = await first.client.post('/auth/registration/verify', {
        token: first.token,
        passkeyName: 'Mine',
        response: original,
      });
      expect(done.status).toBe(200);

      const invitation = await issueInvitation();
      const second = await registrationFor(invitation);
      const refused = await withoutNewSession(() =>
        second.client.post('/auth/registration/verify', {
          token: second.token,
          passkeyName: 'Stolen',
          response: reanswer(original, second.challenge),
        }),
      );
      expectRefusal(refused, 409, 'conflict');
      expect(await count('passkeys', 'credential_id = $1', [original.id])).toBe(1);
      expect((await userRow(invitation.invitation.userId)).status).toBe('invited');
      expect(await invitationStatus(invitation.invitation.id)).toBe('pending');
    });

    it('lets one of two concurrent registrations of the same attestation through, the other gets 409', async () => {
      const invitations = [await issueInvitation(), await issueInvitation()];
      const ceremonies = await Promise.all(invitations.map(registrationFor));
      const authenticator = new SoftAuthenticator({ origin: TEST_ORIGIN });
      const original = withoutPrfResults(
        await authenticator.register({
          rp: { name: 'Cooperation Platform', id: 'localhost' },
          user: { id: randomBytes(32).toString('base64url'), name: 'x', displayName: 'x' },
          challenge: ceremonies[0].challenge,
          pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
        }),
      );
      const replies = await Promise.all(
        ceremonies.map((c) =>
          c.client.post<ProblemDocument>('/auth/registration/verify', {
            token: c.token,
            passkeyName: 'Twice',
            response: reanswer(original, c.challenge),
          }),
        ),
      );
      expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
      const refused = replies.find((r) => r.status === 409);
      if (refused) expectRefusal(refused, 409, 'conflict');
      expect(await count('passkeys', 'credential_id = $1', [original.id])).toBe(1);
      const loser = invitations[replies.findIndex((r) => r.status === 409)];
      expect((await userRow(loser.invitation.userId)).status).toBe('invited');
    });
  });

  describe('cloned authenticators', () => {
    /** The person's passkeys as a Registry admin sees them (the person is signed out). */
    async function flaggedView(person: Person): Promise<Passkey[]> {
      const reply = await admin.client.get<Passkey[]>(`/users/${person.me.user.id}/passkeys`);
      expect(reply.status).toBe(200);
      return reply.body;
    }

    async function auditRegressions(userId: string) {
      return (await db.query(
        `SELECT details FROM audit_log WHERE action = 'passkey.counter_regression' AND subject_id = $1`,
        [userId],
      )) as { details: { passkeyId: string } }[];
    }

    it('refuses a clone whose counter fell behind, flags the passkey and audits it', async () => {
      const person = await invitePerson(t, admin, ['facilitator']); // its session stays open
      await signIn(t, person.authenticator); // counter 1
      const clone = person.authenticator.clone(); // a copy taken at counter 1
      await signIn(t, person.authenticator); // counter 2

      const { client, options } = await signInOptions();
      const response = withoutPrfResults(await clone.authenticate(options)); // counter 2 again
      const refused = await withoutNewSession(() => postAssertion(client, response));
      expectRefusal(refused, 401, 'passkey-counter-regression');
      expect(client.cookie).toBeUndefined();

      // Whoever holds the copy may be signed in already: every session of the account ends.
      expect((await person.client.get('/me')).status).toBe(401);
      const passkeys = await flaggedView(person);
      expect(passkeys).toHaveLength(1);
      expect(passkeys[0].flagged).toBe(true);
      expect(await auditRegressions(person.me.user.id)).toEqual([
        { details: { passkeyId: passkeys[0].id } },
      ]);
      // The flagged passkey stays blocked, even with a counter that moves on.
      const next = await signInOptions();
      const later = withoutPrfResults(await person.authenticator.authenticate(next.options));
      expectRefusal(
        await withoutNewSession(() => postAssertion(next.client, later)),
        401,
        'passkey-flagged',
      );
      // The admin sees the same entry through the API.
      const audit = await admin.client.get<{ entries: { action: string; subjectId: string }[] }>(
        '/audit?action=passkey.counter_regression',
      );
      expect(audit.body.entries.map((e) => e.subjectId)).toContain(person.me.user.id);
    });

    it('refuses an assertion whose counter is forced lower than the stored one', async () => {
      const person = await invitePerson(t, admin, ['facilitator']);
      await signIn(t, person.authenticator);
      await signIn(t, person.authenticator); // stored counter is now 2
      const { client, options } = await signInOptions();
      const response = withoutPrfResults(
        await person.authenticator.authenticate(options, { counter: 1 }),
      );
      expectRefusal(
        await withoutNewSession(() => postAssertion(client, response)),
        401,
        'passkey-counter-regression',
      );
      expect((await flaggedView(person))[0].flagged).toBe(true);
      expect(await auditRegressions(person.me.user.id)).toHaveLength(1);
    });

    it('refuses and flags a regressed counter at step-up too', async () => {
      const person = await invitePerson(t, admin, ['facilitator']);
      await stepUp(person); // counter 1
      const options = await person.client.post<RequestOptionsInput>('/auth/step-up/options');
      const response = withoutPrfResults(
        await person.authenticator.authenticate(options.body, { counter: 1 }),
      );
      expectRefusal(
        await person.client.post('/auth/step-up/verify', { response }),
        401,
        'passkey-counter-regression',
      );
      expect((await person.client.get('/me')).status).toBe(401);
      expect((await flaggedView(person))[0].flagged).toBe(true);
      expect(await auditRegressions(person.me.user.id)).toHaveLength(1);
    });
  });

  describe('invitation links', () => {
    it('refuses a link that was already redeemed (410), before and after its options', async () => {
      const invitation = await issueInvitation();
      const token = tokenOf(invitation.link);
      // A second tab asks for options before the first one finishes.
      const laterTab = new ApiClient(t.url);
      const laterOptions = await laterTab.post<CreationOptionsInput>('/auth/registration/options', {
        token,
      });
      expect(laterOptions.status).toBe(200);
      await enrol(t, invitation.link);

      const again = new ApiClient(t.url);
      expectRefusal(
        await again.post('/auth/registration/options', { token }),
        410,
        'invitation-invalid',
      );
      expectRefusal(await again.post('/auth/invitation', { token }), 410, 'invitation-invalid');
      const response = withoutPrfResults(
        await new SoftAuthenticator({ origin: TEST_ORIGIN }).register(laterOptions.body),
      );
      const late = await withoutNewSession(() =>
        laterTab.post('/auth/registration/verify', { token, passkeyName: 'Second', response }),
      );
      expectRefusal(late, 410, 'invitation-invalid');
      expect(await count('passkeys', 'user_id = $1', [invitation.invitation.userId])).toBe(1);
    });

    it('lets only one of two concurrent redemptions of the same link through', async () => {
      const invitation = await issueInvitation();
      const token = tokenOf(invitation.link);
      const tabs = [new ApiClient(t.url), new ApiClient(t.url)];
      const responses = await Promise.all(
        tabs.map(async (tab) => {
          const options = await tab.post<CreationOptionsInput>('/auth/registration/options', {
            token,
          });
          return withoutPrfResults(
            await new SoftAuthenticator({ origin: TEST_ORIGIN }).register(options.body),
          );
        }),
      );
      const replies = await Promise.all(
        tabs.map((tab, i) =>
          tab.post('/auth/registration/verify', {
            token,
            passkeyName: 'Race',
            response: responses[i],
          }),
        ),
      );
      expect(replies.map((r) => r.status).sort()).toEqual([200, 410]);
      expect(await count('passkeys', 'user_id = $1', [invitation.invitation.userId])).toBe(1);
      expect(await count('sessions', 'user_id = $1', [invitation.invitation.userId])).toBe(1);
    });

    it('refuses an expired link (clock moved 73 h) and accepts it at 71 h', async () => {
      const expired = await issueInvitation();
      const token = tokenOf(expired.link);
      const early = new ApiClient(t.url);
      const earlyOptions = await early.post<CreationOptionsInput>('/auth/registration/options', {
        token,
      });
      const earlyResponse = withoutPrfResults(
        await new SoftAuthenticator({ origin: TEST_ORIGIN }).register(earlyOptions.body),
      );
      await withClock(73 * HOUR, async () => {
        const client = new ApiClient(t.url);
        expectRefusal(await client.post('/auth/invitation', { token }), 410, 'invitation-invalid');
        expectRefusal(
          await client.post('/auth/registration/options', { token }),
          410,
          'invitation-invalid',
        );
        expectRefusal(
          await withoutNewSession(() =>
            early.post('/auth/registration/verify', {
              token,
              passkeyName: 'Late',
              response: earlyResponse,
            }),
          ),
          410,
          'invitation-invalid',
        );
      });
      expect((await userRow(expired.invitation.userId)).status).toBe('invited');

      const fresh = await issueInvitation();
      const person = await withClock(71 * HOUR, () => enrol(t, fresh.link));
      expect(person.me.user.id).toBe(fresh.invitation.userId);
    });

    it('refuses a revoked link (410), even with options fetched before the revocation', async () => {
      const invitation = await issueInvitation();
      const token = tokenOf(invitation.link);
      const client = new ApiClient(t.url);
      const options = await client.post<CreationOptionsInput>('/auth/registration/options', {
        token,
      });
      expect((await admin.client.delete(`/invitations/${invitation.invitation.id}`)).status).toBe(
        200,
      );
      const response = withoutPrfResults(
        await new SoftAuthenticator({ origin: TEST_ORIGIN }).register(options.body),
      );
      expectRefusal(
        await withoutNewSession(() =>
          client.post('/auth/registration/verify', { token, passkeyName: 'X', response }),
        ),
        410,
        'invitation-invalid',
      );
      expectRefusal(
        await new ApiClient(t.url).post('/auth/registration/options', { token }),
        410,
        'invitation-invalid',
      );
      expect((await userRow(invitation.invitation.userId)).status).toBe('invited');
    });

    /** Runs `during` after the passkey is verified and before the invitation is redeemed. */
    async function registerWhile(invitation: IssuedInvitation, during: () => Promise<void>) {
      const token = tokenOf(invitation.link);
      const client = new ApiClient(t.url);
      const options = await client.post<CreationOptionsInput>('/auth/registration/options', {
        token,
      });
      const response = withoutPrfResults(
        await new SoftAuthenticator({ origin: TEST_ORIGIN }).register(options.body),
      );
      const webauthn = t.app.get(WebauthnService);
      const verify = webauthn.verifyRegistration.bind(webauthn);
      const spy = jest
        .spyOn(webauthn, 'verifyRegistration')
        .mockImplementationOnce(async (...args) => {
          const passkey = await verify(...args);
          await during();
          return passkey;
        });
      try {
        return await withoutNewSession(() =>
          client.post('/auth/registration/verify', { token, passkeyName: 'Racing', response }),
        );
      } finally {
        spy.mockRestore();
      }
    }

    it('refuses a link revoked while its registration was being verified', async () => {
      const invitation = await issueInvitation();
      const reply = await registerWhile(invitation, async () => {
        const revoked = await admin.client.delete(`/invitations/${invitation.invitation.id}`);
        expect(revoked.status).toBe(200);
      });
      expectRefusal(reply, 410, 'invitation-invalid');
      expect(await invitationStatus(invitation.invitation.id)).toBe('revoked');
      expect((await userRow(invitation.invitation.userId)).status).toBe('invited');
      expect(await count('passkeys', 'user_id = $1', [invitation.invitation.userId])).toBe(0);
    });

    it('does not bring back a person deactivated while they were enrolling', async () => {
      const invitation = await issueInvitation();
      await stepUp(admin);
      const reply = await registerWhile(invitation, async () => {
        const deactivated = await admin.client.post(
          `/users/${invitation.invitation.userId}/status`,
          { status: 'deactivated', reason: 'invited by mistake' },
        );
        expect(deactivated.status).toBe(200);
      });
      expectRefusal(reply, 410, 'invitation-invalid');
      expect((await userRow(invitation.invitation.userId)).status).toBe('deactivated');
      expect(await count('passkeys', 'user_id = $1', [invitation.invitation.userId])).toBe(0);
    });

    it.each<[string, unknown]>([
      ['empty', ''],
      ['too short', 'abc'],
      ['42 characters', 'A'.repeat(42)],
      ['44 characters', 'A'.repeat(44)],
      ['a character outside base64url', `${'A'.repeat(42)}!`],
      ['padded base64', `${'A'.repeat(42)}=`],
      ['SQL', `' OR '1'='1' --${'x'.repeat(28)}`],
      ['full-width letters', 'Ａ'.repeat(43)],
      ['NUL characters', '\u0000'.repeat(43)],
      ['lone surrogates', '\uD800'.repeat(43)],
      ['a number', 42],
      ['null', null],
      ['an array', [randomBytes(32).toString('base64url')]],
      ['an object', { $ne: null }],
      ['well-formed but unknown', randomBytes(32).toString('base64url')],
    ])('answers a malformed token (%s) with 422 or 410, never a 5xx', async (_what, token) => {
      const client = new ApiClient(t.url);
      for (const path of ['/auth/invitation', '/auth/registration/options']) {
        const reply = await client.post(path, { token });
        expect([410, 422]).toContain(reply.status);
        expectRefusal(reply, reply.status);
      }
      const verify = await withoutNewSession(() =>
        client.post('/auth/registration/verify', {
          token,
          passkeyName: 'X',
          response: {
            id: 'AAAA',
            rawId: 'AAAA',
            type: 'public-key',
            clientExtensionResults: {},
            response: { clientDataJSON: 'AAAA', attestationObject: 'AAAA' },
          },
        }),
      );
      expect([410, 422]).toContain(verify.status);
      expectRefusal(verify, verify.status);
    });

    it('makes the invited person, and nobody else, out of a focal point’s link', async () => {
      const focal = await issueInvitation(['focal_point'], 'SEN');
      const other = await issueInvitation(['facilitator']);
      const focalToken = tokenOf(focal.link);
      const client = new ApiClient(t.url);
      const authenticator = new SoftAuthenticator({ origin: TEST_ORIGIN });

      // A registration made for the other invitation cannot be redeemed with this link…
      const otherOptions = await client.post<CreationOptionsInput>('/auth/registration/options', {
        token: tokenOf(other.link),
      });
      const intruder = new SoftAuthenticator({ origin: TEST_ORIGIN });
      const otherResponse = withoutPrfResults(await intruder.register(otherOptions.body));
      expectRefusal(
        await withoutNewSession(() =>
          client.post('/auth/registration/verify', {
            token: focalToken,
            passkeyName: 'Swap',
            response: otherResponse,
          }),
        ),
        400,
        'challenge-invalid',
      );
      // …and the client cannot name who it becomes.
      const options = await client.post<CreationOptionsInput>('/auth/registration/options', {
        token: focalToken,
      });
      const response = withoutPrfResults(await authenticator.register(options.body));
      for (const extra of [
        { roles: ['registry_admin'] },
        { stateCode: 'FRA' },
        { email: 'someone.else@example.org' },
        { userId: other.invitation.userId },
      ]) {
        const refused = await withoutNewSession(() =>
          client.post('/auth/registration/verify', {
            token: focalToken,
            passkeyName: 'Mine',
            response,
            ...extra,
          }),
        );
        expectRefusal(refused, 422, 'validation');
      }
      // The options name the invited person, with the server's own user handle.
      expect(options.body.user.name).toBe(focal.invitation.email);

      const done = await client.post<Me>('/auth/registration/verify', {
        token: focalToken,
        passkeyName: 'Mine',
        response,
      });
      expect(done.status).toBe(200);
      expect(done.body.user).toMatchObject({
        id: focal.invitation.userId,
        email: focal.invitation.email,
        roles: ['focal_point'],
        stateCode: 'SEN',
        status: 'active',
      });
      expect((await userRow(other.invitation.userId)).status).toBe('invited');
      expect(await invitationStatus(other.invitation.id)).toBe('pending');
      // Signing in with the new passkey is signing in as the invited person.
      expect((await signIn(t, authenticator)).me.user.id).toBe(focal.invitation.userId);
    });
  });
});
