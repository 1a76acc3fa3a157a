import { DataSource } from 'typeorm';
import {
  problemSchema,
  type Approval,
  type ApprovalDecision,
  type IssuedInvitation,
  type NoticeList,
  type User,
} from '@coop/contracts';
import { SoftAuthenticator } from '@coop/testing';
import { startTestApp, type TestApp } from '../../../test/app.harness';
import {
  enrol,
  IDENTITY_ENV,
  invitePerson,
  stepUp,
  TEST_ORIGIN,
  type Person,
  type Reply,
} from '../../../test/identity.harness';
import { InvitationsService } from '../invitations/invitations.service';

function expectProblem(reply: Reply, status: number, type: string): void {
  expect({ status: reply.status, type: (reply.body as { type?: string }).type }).toEqual({
    status,
    type: `urn:coop:problem:${type}`,
  });
  expect(problemSchema.parse(reply.body).detail.length).toBeGreaterThan(0);
}

/** Approves a pending request as `approver`, after a fresh passkey confirmation. */
async function approve(approver: Person, id: string): Promise<Reply<ApprovalDecision>> {
  await stepUp(approver);
  return approver.client.post<ApprovalDecision>(`/approvals/${id}/decision`, {
    decision: 'approve',
  });
}

describe('two-person rule: what one Registry admin cannot do alone', () => {
  let t: TestApp;
  let db: DataSource;
  let a: Person;
  let b: Person;
  let c: Person;

  const userRow = async (id: string) =>
    (
      (await db.query(`SELECT roles, status, state_code FROM users WHERE id = $1`, [id])) as {
        roles: string[];
        status: string;
        state_code: string | null;
      }[]
    )[0];
  const auditOf = async (action: string, subjectId: string) =>
    (await db.query(
      `SELECT actor_id, details FROM audit_log WHERE action = $1 AND subject_id = $2 ORDER BY seq`,
      [action, subjectId],
    )) as { actor_id: string | null; details: Record<string, unknown> }[];

  beforeAll(async () => {
    t = await startTestApp(IDENTITY_ENV);
    db = t.app.get(DataSource);
    const invitations = t.app.get(InvitationsService);
    const first = await invitations.bootstrap('Admin A', 'admin.a@example.org');
    const second = await invitations.bootstrap('Admin B', 'admin.b@example.org');
    a = await enrol(t, first.link);
    b = await enrol(t, second.link);
    // A third admin, made the only way there is: one asks, another approves.
    c = await invitePerson(t, a, ['facilitator']);
    await stepUp(a);
    const grant = await a.client.post<Approval>('/admin-grants', { userId: c.me.user.id });
    expect((await approve(b, grant.body.id)).status).toBe(200);
  });
  afterAll(() => t.close());

  describe('recovery links', () => {
    it('should not hand one admin a recovery link for another admin', async () => {
      await stepUp(a);
      const asked = await a.client.post<Approval>(`/users/${b.me.user.id}/recovery-invitation`, {});
      expect(asked.status).toBe(202);
      expect(asked.body).toMatchObject({ kind: 'user.recovery', status: 'pending' });
      expect(JSON.stringify(asked.body)).not.toMatch(/invite#/);
      // B is untouched until a second admin approves: still signed in, no link exists.
      expect((await b.client.get('/me')).status).toBe(200);
      expect(
        await db.query(`SELECT 1 FROM invitations WHERE user_id = $1 AND purpose = 'recovery'`, [
          b.me.user.id,
        ]),
      ).toHaveLength(0);
      // B and C are told while it waits; A, who asked, is not.
      const noticeOf = async (person: Person) =>
        (await person.client.get<NoticeList>('/me/notices')).body.notices.find(
          (n) => n.kind === 'approval-requested' && n.details.approvalKind === 'user.recovery',
        );
      expect(await noticeOf(b)).toMatchObject({ details: { aboutYou: true } });
      expect(await noticeOf(c)).toMatchObject({ details: { aboutYou: false } });
      expect(await noticeOf(a)).toBeUndefined();
      await a.client.post(`/approvals/${asked.body.id}/cancel`);
    });

    it('should not let an admin recover someone they asked to promote', async () => {
      const x = await invitePerson(t, a, ['facilitator']);
      await stepUp(a);
      const grant = await a.client.post<Approval>('/admin-grants', { userId: x.me.user.id });
      expect(grant.status).toBe(201);
      const recovery = await a.client.post<Approval>(
        `/users/${x.me.user.id}/recovery-invitation`,
        {},
      );
      expect(recovery.status).toBe(202);
      expect(recovery.body.kind).toBe('user.recovery');
      expect((await x.client.get('/me')).status).toBe(200);
      await a.client.post(`/approvals/${recovery.body.id}/cancel`);
      await a.client.post(`/approvals/${grant.body.id}/cancel`);
    });

    it('should void a grant whose approver was taken over through a recovery the requester asked for', async () => {
      // The attack: A asks to promote X, then asks to recover B; C approves the recovery in good
      // faith and A, holding the link, enrols their own authenticator as B and approves as B.
      const x = await invitePerson(t, a, ['facilitator']);
      await stepUp(a);
      const grant = await a.client.post<Approval>('/admin-grants', { userId: x.me.user.id });
      const recovery = await a.client.post<Approval>(
        `/users/${b.me.user.id}/recovery-invitation`,
        {},
      );
      const decided = await approve(c, recovery.body.id);
      expect(decided.status).toBe(200);
      expect(decided.body.issued?.link).toMatch(/\/invite#/);
      const link = decided.body.issued?.link ?? '';
      const asB = await enrol(t, link, new SoftAuthenticator({ origin: TEST_ORIGIN }));
      expect(asB.me.user.id).toBe(b.me.user.id);

      expectProblem(await approve(asB, grant.body.id), 409, 'approval-void');
      const after = await c.client.get<Approval[]>('/approvals');
      expect(after.body.find((g) => g.id === grant.body.id)).toMatchObject({
        status: 'void',
        decidedBy: null,
      });
      expect((await userRow(x.me.user.id)).roles).toEqual(['facilitator']);

      // The redemption names who asked for and who issued the link, not only the victim.
      const redeemed = await auditOf('invitation.redeemed', b.me.user.id);
      expect(redeemed.at(-1)?.details).toMatchObject({
        purpose: 'recovery',
        issuedBy: c.me.user.id,
        requestedBy: a.me.user.id,
      });
      b = asB;
    });

    it('should void what was waiting about a person once their account is recovered', async () => {
      const x = await invitePerson(t, a, ['facilitator']);
      await stepUp(a);
      const grant = await a.client.post<Approval>('/admin-grants', { userId: x.me.user.id });
      await stepUp(b);
      const recovery = await b.client.post<Approval>(
        `/users/${x.me.user.id}/recovery-invitation`,
        {},
      );
      expect(recovery.status).toBe(202);
      const decided = await approve(c, recovery.body.id);
      const link = decided.body.issued?.link ?? '';
      await enrol(t, link, new SoftAuthenticator({ origin: TEST_ORIGIN }));

      const pending = await c.client.get<Approval[]>('/approvals');
      expect(pending.body.find((g) => g.id === grant.body.id)?.status).toBe('void');
      expectProblem(await approve(b, grant.body.id), 409, 'conflict');
      expect((await userRow(x.me.user.id)).roles).toEqual(['facilitator']);
    });

    it('still gives an ordinary person a recovery link at once', async () => {
      const y = await invitePerson(t, a, ['focal_point'], 'SEN');
      await stepUp(a);
      const issued = await a.client.post<IssuedInvitation>(
        `/users/${y.me.user.id}/recovery-invitation`,
        {},
      );
      expect(issued.status).toBe(201);
      expect(issued.body.link).toMatch(/\/invite#/);
    });
  });

  describe('content roles and State', () => {
    it('should not let an admin give themselves a content role or a State', async () => {
      await stepUp(a);
      expectProblem(
        await a.client.patch(`/users/${a.me.user.id}`, { roles: ['facilitator'] }),
        403,
        'not-on-yourself',
      );
      expectProblem(
        await a.client.patch(`/users/${a.me.user.id}`, {
          roles: ['focal_point'],
          stateCode: 'FRA',
        }),
        403,
        'not-on-yourself',
      );
      expect(await userRow(a.me.user.id)).toMatchObject({
        roles: ['registry_admin'],
        state_code: null,
      });
      // Their own name is theirs to change.
      const renamed = await a.client.patch<User>(`/users/${a.me.user.id}`, {
        displayName: 'Admin A.',
      });
      expect(renamed.status).toBe(200);
    });

    it('should not give another admin a content role until a second admin approves', async () => {
      await stepUp(a);
      const asked = await a.client.patch<Approval>(`/users/${b.me.user.id}`, {
        roles: ['focal_point'],
        stateCode: 'SEN',
      });
      expect(asked.status).toBe(202);
      expect(asked.body).toMatchObject({
        kind: 'user.update',
        change: { roles: ['registry_admin', 'focal_point'], stateCode: 'SEN' },
      });
      expect((await userRow(b.me.user.id)).roles).toEqual(['registry_admin']);

      expectProblem(await approve(a, asked.body.id), 403, 'two-person-rule');
      expect((await approve(c, asked.body.id)).status).toBe(200);
      expect(await userRow(b.me.user.id)).toMatchObject({
        roles: ['registry_admin', 'focal_point'],
        state_code: 'SEN',
      });
      const audit = await auditOf('user.roles_changed', b.me.user.id);
      expect(audit.at(-1)).toMatchObject({
        actor_id: c.me.user.id,
        details: { requestedBy: a.me.user.id, approvalId: asked.body.id },
      });
    });
  });

  describe('removing an admin', () => {
    it('should not let one admin suspend another alone', async () => {
      await stepUp(a);
      const asked = await a.client.post<Approval>(`/users/${c.me.user.id}/status`, {
        status: 'suspended',
        reason: 'alone',
      });
      expect(asked.status).toBe(202);
      expect(asked.body).toMatchObject({ kind: 'user.status', change: { status: 'suspended' } });
      expect((await c.client.get('/me')).status).toBe(200);
      expect((await userRow(c.me.user.id)).status).toBe('active');
      // The same request twice is still one request.
      expectProblem(
        await a.client.post(`/users/${c.me.user.id}/status`, {
          status: 'suspended',
          reason: 'again',
        }),
        409,
        'conflict',
      );
      await stepUp(b);
      const rejected = await b.client.post<ApprovalDecision>(
        `/approvals/${asked.body.id}/decision`,
        {
          decision: 'reject',
        },
      );
      expect(rejected.body.approval.status).toBe('rejected');
      expect((await userRow(c.me.user.id)).status).toBe('active');
    });

    it('should not let one admin withdraw another’s role alone', async () => {
      await stepUp(a);
      const asked = await a.client.delete<Approval>(`/admin-grants/holders/${b.me.user.id}`);
      expect(asked.status).toBe(202);
      expect((await userRow(b.me.user.id)).roles).toContain('registry_admin');
      expectProblem(await c.client.post(`/approvals/${asked.body.id}/cancel`), 403, 'forbidden');
      expect(
        (await a.client.post<Approval>(`/approvals/${asked.body.id}/cancel`)).body.status,
      ).toBe('cancelled');
    });

    it('suspends an admin once a second admin approves, ending their sessions', async () => {
      await stepUp(a);
      const asked = await a.client.post<Approval>(`/users/${c.me.user.id}/status`, {
        status: 'suspended',
        reason: 'left the Registry',
      });
      expect((await approve(b, asked.body.id)).status).toBe(200);
      expect((await userRow(c.me.user.id)).status).toBe('suspended');
      expect((await c.client.get('/me')).status).toBe(401);
      const audit = await auditOf('user.suspended', c.me.user.id);
      expect(audit.at(-1)).toMatchObject({
        actor_id: b.me.user.id,
        details: { requestedBy: a.me.user.id },
      });
    });
  });

  it('refuses a decision by the requester in the database itself', async () => {
    const [row] = (await db.query(
      `SELECT id, requested_by FROM approvals WHERE status = 'pending' OR status = 'cancelled' LIMIT 1`,
    )) as { id: string; requested_by: string }[];
    await expect(
      db.query(`UPDATE approvals SET decided_by = requested_by WHERE id = $1`, [row.id]),
    ).rejects.toThrow(/approvals_two_people/);
  });
});
