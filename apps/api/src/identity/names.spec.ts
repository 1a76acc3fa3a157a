import type { Passkey, ProblemDocument } from '@coop/contracts';
import { startTestApp, type TestApp } from '../../test/app.harness';
import { bootstrapAdmin, IDENTITY_ENV, stepUp, type Person } from '../../test/identity.harness';

describe('names with invisible formatting characters', () => {
  let t: TestApp;
  let admin: Person;
  beforeAll(async () => {
    t = await startTestApp(IDENTITY_ENV);
    admin = await bootstrapAdmin(t);
    await stepUp(admin);
  });
  afterAll(() => t.close());

  it('refuses a passkey name that reverses its text, and keeps the old name', async () => {
    const [passkey] = (await admin.client.get<Passkey[]>('/me/passkeys')).body;
    // Displayed as "Laptop exe.png": a right-to-left override disguises what the text says.
    const res = await admin.client.patch<ProblemDocument>(`/me/passkeys/${passkey.id}`, {
      name: 'Laptop \u202Egnp.exe',
    });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body.detail).toContain('name: must not contain invisible formatting characters');
    const after = (await admin.client.get<Passkey[]>('/me/passkeys')).body;
    expect(after.map((p) => p.name)).toEqual([passkey.name]);
  });

  it('refuses a display name with a zero-width space, which would pass for another person', async () => {
    const res = await admin.client.post<ProblemDocument>('/invitations', {
      displayName: 'First\u200BAdmin',
      email: 'lookalike@example.org',
      roles: ['facilitator'],
    });
    expect(res.status).toBe(422);
    expect(res.body.detail).toContain('displayName: must not contain invisible formatting');
  });

  it('refuses a State name with a bidirectional isolate', async () => {
    const res = await admin.client.post<ProblemDocument>('/states', {
      code: 'ZZZ',
      names: { en: 'Zed\u2067land', fr: 'Zède', ar: 'زد', es: 'Zeta' },
      regionalGroup: 'african',
      entryIntoForce: '2002-07-01',
    });
    expect(res.status).toBe(422);
    expect(res.body.detail).toContain('names.en: must not contain invisible formatting');
  });
});
