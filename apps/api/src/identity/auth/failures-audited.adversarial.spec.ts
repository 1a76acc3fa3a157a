import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { IssuedInvitation } from '@coop/contracts';
import {
  SoftAuthenticator,
  withoutPrfResults,
  type CreationOptionsInput,
  type RequestOptionsInput,
} from '@coop/testing';
import { startTestApp, type TestApp } from '../../../test/app.harness';
import {
  ApiClient,
  bootstrapAdmin,
  IDENTITY_ENV,
  invitePerson,
  stepUp,
  TEST_ORIGIN,
  tokenOf,
  type Person,
} from '../../../test/identity.harness';

interface AuditRow {
  actor_id: string | null;
  subject_id: string | null;
  details: Record<string, unknown>;
}

/** Options for a challenge the server never issued: the answer to them must be refused. */
const withForeignChallenge = <T extends { challenge: string }>(options: T): T => ({
  ...options,
  challenge: randomBytes(32).toString('base64url'),
});

describe('failed ceremonies are audited, though the request that failed is rolled back', () => {
  let t: TestApp;
  let db: DataSource;
  let admin: Person;

  const audited = async (action: string) =>
    (await db.query(
      `SELECT actor_id, subject_id, details FROM audit_log WHERE action = $1 ORDER BY seq`,
      [action],
    )) as AuditRow[];

  beforeAll(async () => {
    t = await startTestApp(IDENTITY_ENV);
    db = t.app.get(DataSource);
    admin = await bootstrapAdmin(t);
  });
  afterAll(() => t.close());

  it('records a failed step-up with the account, the session and the cause', async () => {
    const person = await invitePerson(t, admin, ['facilitator']);
    const options = await person.client.post<RequestOptionsInput>('/auth/step-up/options');
    const response = withoutPrfResults(
      await person.authenticator.authenticate(withForeignChallenge(options.body)),
    );
    const refused = await person.client.post('/auth/step-up/verify', { response });
    expect(refused.status).toBe(400);
    expect(await audited('auth.step_up_failed')).toEqual([
      {
        actor_id: person.me.user.id,
        subject_id: person.me.user.id,
        details: {
          reason: 'challenge-invalid',
          sessionId: person.me.session.id,
          credentialId: response.id,
        },
      },
    ]);
    expect(await audited('auth.step_up')).not.toContainEqual(
      expect.objectContaining({ actor_id: person.me.user.id }),
    );
  });

  it('records a failed registration against the invited account, and the link stays usable', async () => {
    const issued = await admin.client.post<IssuedInvitation>('/invitations', {
      displayName: 'Invited Person',
      email: 'invited.person@example.org',
      roles: ['facilitator'],
      stateCode: null,
    });
    expect(issued.status).toBe(201);
    const token = tokenOf(issued.body.link);
    const client = new ApiClient(t.url);
    const options = await client.post<CreationOptionsInput>('/auth/registration/options', {
      token,
    });
    const authenticator = new SoftAuthenticator({ origin: TEST_ORIGIN });
    const response = withoutPrfResults(
      await authenticator.register(withForeignChallenge(options.body)),
    );
    const refused = await client.post('/auth/registration/verify', {
      token,
      passkeyName: 'Laptop',
      response,
    });
    expect(refused.status).toBe(400);
    const [failure] = await audited('auth.registration_failed');
    expect(failure).toEqual({
      actor_id: null,
      subject_id: issued.body.invitation.userId,
      details: { reason: 'challenge-invalid', invitationId: issued.body.invitation.id },
    });
    expect(JSON.stringify(failure)).not.toContain(token);
    expect(JSON.stringify(failure)).not.toContain('invited.person@example.org');
    const preview = await client.post('/auth/invitation', { token });
    expect(preview.status).toBe(200);
  });

  it('records a registration with a link that does not exist, with no one to name', async () => {
    const before = (await audited('auth.registration_failed')).length;
    const refused = await new ApiClient(t.url).post('/auth/registration/verify', {
      token: randomBytes(32).toString('base64url'),
      passkeyName: 'Laptop',
      response: withoutPrfResults(
        await new SoftAuthenticator({ origin: TEST_ORIGIN }).register(
          withForeignChallenge({
            rp: { name: 'x', id: 'localhost' },
            user: { id: randomBytes(32).toString('base64url'), name: 'x', displayName: 'x' },
            challenge: '',
            pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
          }),
        ),
      ),
    });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    const failures = await audited('auth.registration_failed');
    expect(failures.slice(before)).toEqual([
      { actor_id: null, subject_id: null, details: { reason: expect.any(String) } },
    ]);
  });

  it('records a passkey that a signed-in user failed to add', async () => {
    const person = await invitePerson(t, admin, ['facilitator']);
    await stepUp(person);
    const options = await person.client.post<CreationOptionsInput>('/me/passkeys/options');
    expect(options.status).toBe(200);
    const spare = new SoftAuthenticator({ origin: TEST_ORIGIN });
    const refused = await person.client.post('/me/passkeys', {
      passkeyName: 'Spare key',
      response: withoutPrfResults(await spare.register(withForeignChallenge(options.body))),
    });
    expect(refused.status).toBe(400);
    expect(await audited('auth.registration_failed')).toContainEqual({
      actor_id: person.me.user.id,
      subject_id: person.me.user.id,
      details: { reason: 'challenge-invalid', sessionId: person.me.session.id },
    });
  });
});
