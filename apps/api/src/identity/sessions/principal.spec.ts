import { Controller, Get, Module } from '@nestjs/common';
import { Access, CurrentPrincipal } from '../../platform/access';
import { Clock } from '../../platform/clock';
import type { Principal } from '../../platform/principal';
import { startTestApp, type TestApp } from '../../../test/app.harness';
import { bootstrapAdmin, IDENTITY_ENV, type Person } from '../../../test/identity.harness';
import { recordQueries } from '../../../test/query-log.harness';

/** What a handler receives, described from inside the handler. */
interface Seen {
  frozen: boolean;
  plain: boolean;
  keys: string[];
  rolesFrozen: boolean;
}

@Controller('fixture')
class PrincipalProbeController {
  @Get('principal')
  @Access.signedIn()
  principal(@CurrentPrincipal() principal: Principal): Seen {
    return {
      frozen: Object.isFrozen(principal),
      plain: Object.getPrototypeOf(principal) === Object.prototype,
      keys: Object.keys(principal).sort(),
      rolesFrozen: Object.isFrozen(principal.roles),
    };
  }
}

@Module({ controllers: [PrincipalProbeController] })
class PrincipalProbeModule {}

describe('the principal of a signed-in request', () => {
  let t: TestApp;
  let admin: Person;

  beforeAll(async () => {
    t = await startTestApp(IDENTITY_ENV, [PrincipalProbeModule]);
    admin = await bootstrapAdmin(t);
  });
  const queries = recordQueries(() => t);
  afterAll(() => t.close());

  it('should be read with one query for the session and its user together', async () => {
    const me = await admin.client.get('/me');

    expect(me.status).toBe(200);
    expect(queries).toHaveLength(1);
    expect(queries[0]).toMatch(/FROM sessions s JOIN users u/);
  });

  it('should add only the throttled activity write once a minute has passed', async () => {
    jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(Date.now() + 2 * 60_000));

    expect((await admin.client.get('/me')).status).toBe(200);

    expect(queries).toHaveLength(2);
    expect(queries[1]).toMatch(/^UPDATE "sessions" SET "last_seen_at"/);
  });

  it('should reach handlers as a frozen plain value with no database row in it', async () => {
    const seen = await admin.client.get<Seen>('/fixture/principal');

    expect(seen.status).toBe(200);
    expect(seen.body).toEqual({
      frozen: true,
      plain: true,
      rolesFrozen: true,
      keys: [
        'displayName',
        'email',
        'expiresAt',
        'passkeyId',
        'roles',
        'sessionId',
        'stateCode',
        'status',
        'userCreatedAt',
        'userId',
        'verifiedAt',
      ],
    });
  });
});
