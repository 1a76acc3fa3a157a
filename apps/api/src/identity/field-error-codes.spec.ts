import type { ProblemDocument } from '@coop/contracts';
import { startTestApp, type TestApp } from '../../test/app.harness';
import {
  bootstrapAdmin,
  IDENTITY_ENV,
  invitePerson,
  stepUp,
  type Person,
} from '../../test/identity.harness';

/** What a client needs to say each refusal in its own language: the field, a code, its bounds. */
const itemsOf = (body: ProblemDocument) =>
  (body.errors ?? []).map(({ field, code, params }) => ({ field, code, params }));

describe('a refused field names its code, whether the contract or the service refuses it', () => {
  let t: TestApp;
  let admin: Person;
  let facilitatorId: string;
  beforeAll(async () => {
    t = await startTestApp(IDENTITY_ENV);
    admin = await bootstrapAdmin(t);
    facilitatorId = (await invitePerson(t, admin, ['facilitator'])).me.user.id;
    await stepUp(admin);
  });
  afterAll(() => t.close());

  const invite = (body: Record<string, unknown>) =>
    admin.client.post<ProblemDocument>('/invitations', {
      displayName: 'Awa Diop',
      email: `awa.${Date.now()}@example.org`,
      ...body,
    });

  it('codes the limits zod checks, with the bounds', async () => {
    const res = await invite({ roles: [], expiresInHours: 721, email: 'awa' });
    expect(res.status).toBe(422);
    expect(itemsOf(res.body)).toEqual(
      expect.arrayContaining([
        { field: 'roles', code: 'too_small', params: { minimum: 1, origin: 'array' } },
        { field: 'expiresInHours', code: 'too_big', params: { maximum: 720, origin: 'number' } },
        { field: 'email', code: 'invalid_format', params: { format: 'email' } },
      ]),
    );
  });

  it("codes the contract's own refinements", async () => {
    const noState = await invite({ roles: ['focal_point'] });
    expect(itemsOf(noState.body)).toEqual([
      { field: 'stateCode', code: 'focal-point-needs-state', params: undefined },
    ]);
    const admins = await invite({ roles: ['registry_admin'] });
    expect(itemsOf(admins.body)).toEqual([
      { field: 'roles', code: 'registry-admin-by-approval', params: undefined },
    ]);
  });

  it('codes what the services find against stored data', async () => {
    const unknown = await invite({ roles: ['focal_point'], stateCode: 'ZZZ' });
    expect(unknown.status).toBe(422);
    expect(itemsOf(unknown.body)).toEqual([
      { field: 'stateCode', code: 'unknown-state', params: undefined },
    ]);
    const noRole = await admin.client.patch<ProblemDocument>(`/users/${facilitatorId}`, {
      roles: [],
    });
    expect(noRole.status).toBe(422);
    expect(itemsOf(noRole.body)).toEqual([
      { field: 'roles', code: 'too_small', params: { minimum: 1, origin: 'array' } },
    ]);
    const stateWithoutFocal = await admin.client.patch<ProblemDocument>(`/users/${facilitatorId}`, {
      stateCode: 'SEN',
    });
    expect(stateWithoutFocal.status).toBe(422);
    expect(itemsOf(stateWithoutFocal.body)).toEqual([
      { field: 'stateCode', code: 'state-needs-focal-point', params: undefined },
    ]);
  });
});
