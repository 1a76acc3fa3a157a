import { createInvitationSchema, updateUserSchema } from './identity';
import { authenticationResponseSchema } from './webauthn';

const invitation = {
  displayName: 'Aminata Diop',
  email: 'A.Diop@Example.org',
  roles: ['focal_point'],
  stateCode: 'SEN',
};

describe('identity contracts', () => {
  it('accepts a focal point with a State and lower-cases the email', () => {
    const parsed = createInvitationSchema.parse(invitation);
    expect(parsed).toMatchObject({ email: 'a.diop@example.org', expiresInHours: 72 });
  });

  it.each([
    [{ ...invitation, stateCode: null }, 'stateCode'],
    [{ ...invitation, roles: ['facilitator'] }, 'stateCode'],
    [{ ...invitation, roles: ['registry_admin'], stateCode: null }, 'roles'],
    [{ ...invitation, roles: ['focal_point', 'focal_point'] }, 'roles'],
    [{ ...invitation, displayName: 'Bad\u0007name' }, 'displayName'],
    [{ ...invitation, stateCode: 'sen' }, 'stateCode'],
    [{ ...invitation, admin: true }, ''],
  ])('rejects %j at %s', (input, field) => {
    const result = createInvitationSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(field);
  });

  it('refuses to grant registry_admin through a user update', () => {
    expect(updateUserSchema.safeParse({ roles: ['registry_admin'] }).success).toBe(false);
    expect(updateUserSchema.safeParse({}).success).toBe(false);
  });

  it('refuses a passkey response that still carries PRF results', () => {
    const response = {
      id: 'abc',
      rawId: 'abc',
      type: 'public-key',
      response: { clientDataJSON: 'e30', authenticatorData: 'AA', signature: 'AA' },
      clientExtensionResults: { prf: { enabled: true } },
    };
    expect(authenticationResponseSchema.safeParse(response).success).toBe(true);
    const leaking = {
      ...response,
      clientExtensionResults: { prf: { results: { first: 'c2VjcmV0' } } },
    };
    expect(authenticationResponseSchema.safeParse(leaking).success).toBe(false);
  });
});
