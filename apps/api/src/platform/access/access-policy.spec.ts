import { createTestDatabase } from '@coop/testing';
import { loadConfig } from '@coop/config';
import type { Session } from '@coop/contracts';
import { createApp } from '../../app.factory';
import type { Principal } from '../principal';
import { startTestApp, type TestApp } from '../../../test/app.harness';
import {
  bootstrapAdmin,
  IDENTITY_ENV,
  invitePerson,
  signIn,
  type Person,
} from '../../../test/identity.harness';
import { AccessPolicy, type AccessQueries } from './access-policy';
import { recordQueries } from '../../../test/query-log.harness';

/** The principal the guard would attach for this person's session. */
const principalOf = ({ me }: Person): Principal =>
  Object.freeze({
    userId: me.user.id,
    displayName: me.user.displayName,
    email: me.user.email,
    roles: Object.freeze([...me.user.roles]),
    stateCode: me.user.stateCode,
    status: me.user.status,
    userCreatedAt: new Date(me.user.createdAt),
    sessionId: me.session.id,
    passkeyId: null,
    verifiedAt: new Date(me.session.verifiedAt),
    expiresAt: new Date(me.session.expiresAt),
  });

describe('the access policy', () => {
  let t: TestApp;
  let policy: AccessPolicy;
  let owner: Person;
  let other: Person;
  let focal: Person;
  let ownSessions: string[];
  let foreignSession: string;

  beforeAll(async () => {
    t = await startTestApp(IDENTITY_ENV);
    policy = t.app.get(AccessPolicy);
    const admin = await bootstrapAdmin(t);
    owner = await invitePerson(t, admin, ['facilitator']);
    await signIn(t, owner.authenticator);
    other = await invitePerson(t, admin, ['facilitator']);
    focal = await invitePerson(t, admin, ['focal_point'], 'SEN');
    ownSessions = (await owner.client.get<Session[]>('/me/sessions')).body.map((s) => s.id);
    foreignSession = other.me.session.id;
  });
  const queries = recordQueries(() => t);
  afterAll(() => t.close());

  it('should answer a batch of ids with one query', async () => {
    expect(ownSessions).toHaveLength(2);

    const allowed = await policy.allowed(principalOf(owner), 'session.revoke', [
      ...ownSessions,
      foreignSession,
    ]);

    expect(allowed).toEqual(new Set(ownSessions));
    expect(queries).toHaveLength(1);
    expect(queries[0]).toMatch(/FROM sessions WHERE id = ANY\(\$1\) AND user_id = \$2/);
  });

  it('should refuse a whole batch that holds one id of someone else, as not found', async () => {
    await expect(
      policy.require(principalOf(owner), 'session.revoke', [...ownSessions, foreignSession]),
    ).rejects.toMatchObject({ status: 404, code: 'not-found' });
    await expect(
      policy.require(principalOf(owner), 'session.revoke', ownSessions),
    ).resolves.toBeUndefined();
    expect(queries).toHaveLength(2);
  });

  it('should let the roles that act for every State read any State, without a query', async () => {
    const codes = ['SEN', 'FRA', 'XXX'];

    expect(await policy.allowed(principalOf(other), 'state.members.read', codes)).toEqual(
      new Set(codes),
    );
    expect(queries).toHaveLength(0);
  });

  it('should not let a focal point read another State alongside their own', async () => {
    const asked = ['SEN', 'FRA'];

    expect(await policy.allowed(principalOf(focal), 'state.members.read', asked)).toEqual(
      new Set(['SEN']),
    );
    await expect(
      policy.require(principalOf(focal), 'state.members.read', asked),
    ).rejects.toMatchObject({ status: 403, code: 'forbidden' });
    expect(queries).toHaveLength(2);
  });

  it('should not register a permission outside the list, or a second query for one', () => {
    const query = { allowed: async () => [], refusal: () => new Error('refused') };
    const register = (queries: object) => () => policy.register(queries as AccessQueries);

    expect(register({ 'session.steal': query })).toThrow('Unknown permission session.steal.');
    expect(register({ 'session.revoke': query })).toThrow(
      'Two access queries for the permission session.revoke.',
    );
  });
});

describe('an application with a permission nobody answers', () => {
  it('should not start', async () => {
    const register = AccessPolicy.prototype.register;
    jest.spyOn(AccessPolicy.prototype, 'register').mockImplementation(function (
      this: AccessPolicy,
      queries: AccessQueries,
    ) {
      // The notices feature forgets its query.
      const { 'notice.dismiss': _forgotten, ...rest } = queries;
      register.call(this, rest);
    });
    const database = await createTestDatabase();
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      WEB_DIST: './tmp/no-web',
      ...IDENTITY_ENV,
      NODE_ENV: 'test',
    });
    const app = await createApp(config, database.appUrl);
    try {
      await expect(app.init()).rejects.toThrow(
        'No access query is registered for: notice.dismiss.',
      );
    } finally {
      jest.restoreAllMocks();
      await app.close();
      await database.drop();
    }
  });
});
