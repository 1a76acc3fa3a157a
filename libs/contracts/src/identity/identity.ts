import { z } from 'zod';
import { contractIssue } from '../platform/problem';
import { boundedText, nameText, stateCodeSchema } from '../states/states';

export const ROLES = ['registry_admin', 'facilitator', 'focal_point'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const USER_STATUSES = ['invited', 'active', 'suspended', 'deactivated'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export type InvitationPurpose = 'onboarding' | 'recovery' | 'bootstrap';

const email = z
  .email()
  .max(254)
  .transform((e) => e.toLowerCase());

/** Roles are a non-empty set; a focal point belongs to exactly one State, others to none. */
const rolesAndState = <T extends { roles?: Role[]; stateCode?: string | null }>(
  v: T,
  ctx: z.RefinementCtx,
) => {
  if (!v.roles) return;
  const focal = v.roles.includes('focal_point');
  if (focal && !v.stateCode)
    ctx.addIssue({
      code: 'custom',
      path: ['stateCode'],
      ...contractIssue('focal-point-needs-state', 'a focal point must belong to a State'),
    });
  if (!focal && v.stateCode)
    ctx.addIssue({
      code: 'custom',
      path: ['stateCode'],
      ...contractIssue('state-needs-focal-point', 'only focal points belong to a State'),
    });
};

const roles = z
  .array(roleSchema)
  .min(1)
  .max(3)
  .refine((r) => new Set(r).size === r.length, contractIssue('repeated', 'roles must not repeat'));

export const createInvitationSchema = z
  .strictObject({
    displayName: nameText(120),
    email,
    roles: roles.refine(
      (r) => !r.includes('registry_admin'),
      contractIssue(
        'registry-admin-by-approval',
        'registry_admin is granted through a two-person approval, not an invitation',
      ),
    ),
    stateCode: stateCodeSchema.nullable().default(null),
    expiresInHours: z.number().int().min(1).max(720).default(72),
  })
  .superRefine(rolesAndState);
export type CreateInvitation = z.infer<typeof createInvitationSchema>;

export const recoveryInvitationSchema = z.strictObject({
  expiresInHours: z.number().int().min(1).max(720).default(72),
});

export const invitationStatusSchema = z.enum(['pending', 'redeemed', 'expired', 'revoked']);
export type InvitationStatus = z.infer<typeof invitationStatusSchema>;

export const invitationSchema = z.strictObject({
  id: z.uuid(),
  userId: z.uuid(),
  displayName: z.string(),
  email: z.string(),
  roles: z.array(roleSchema),
  stateCode: z.string().nullable(),
  purpose: z.enum(['onboarding', 'recovery', 'bootstrap']),
  status: invitationStatusSchema,
  createdAt: z.string(),
  expiresAt: z.string(),
  createdBy: z.uuid().nullable(),
  /** The admin who asked for this link when a second admin issued it (two-person rule). */
  requestedBy: z.uuid().nullable(),
});
export type Invitation = z.infer<typeof invitationSchema>;

/** Returned once, when an invitation is issued: the link holds the only copy of the token. */
export const issuedInvitationSchema = z.strictObject({
  invitation: invitationSchema,
  link: z.string(),
});
export type IssuedInvitation = z.infer<typeof issuedInvitationSchema>;

export const userSchema = z.strictObject({
  id: z.uuid(),
  displayName: z.string(),
  email: z.string(),
  roles: z.array(roleSchema),
  stateCode: z.string().nullable(),
  status: z.enum(USER_STATUSES),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const updateUserSchema = z
  .strictObject({
    displayName: nameText(120).optional(),
    // Empty is allowed for a Registry admin who keeps only that role; the service checks.
    roles: z
      .array(roleSchema)
      .max(2)
      .refine(
        (r) => new Set(r).size === r.length,
        contractIssue('repeated', 'roles must not repeat'),
      )
      .refine(
        (r) => !r.includes('registry_admin'),
        contractIssue(
          'registry-admin-by-approval',
          'registry_admin is granted through a two-person approval',
        ),
      )
      .optional(),
    stateCode: stateCodeSchema.nullable().optional(),
  })
  .refine(
    (v) => Object.keys(v).length > 0,
    contractIssue('nothing-to-change', 'nothing to change'),
  );
export type UpdateUser = z.infer<typeof updateUserSchema>;

export const changeStatusSchema = z.strictObject({
  status: z.enum(['active', 'suspended', 'deactivated']),
  reason: boundedText(500),
});
export type ChangeStatus = z.infer<typeof changeStatusSchema>;

export const passkeySchema = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  deviceType: z.string(),
  backedUp: z.boolean(),
  prfCapable: z.boolean(),
  flagged: z.boolean(),
});
export type Passkey = z.infer<typeof passkeySchema>;

export const renamePasskeySchema = z.strictObject({ name: nameText(60) });

export const sessionSchema = z.strictObject({
  id: z.uuid(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  userAgent: z.string(),
  current: z.boolean(),
});
export type Session = z.infer<typeof sessionSchema>;

export const meSchema = z.strictObject({
  user: userSchema,
  session: z.strictObject({
    id: z.uuid(),
    verifiedAt: z.string(),
    expiresAt: z.string(),
    idleTimeoutSeconds: z.number(),
    /** How long a passkey confirmation counts for sensitive actions. */
    stepUpSeconds: z.number(),
  }),
});
export type Me = z.infer<typeof meSchema>;

/**
 * What one Registry admin may not do alone: a second admin approves it (two-person rule).
 * `admin.grant`/`admin.withdraw` give or take the role; `user.update` changes the roles or State of
 * a Registry admin; `user.status` suspends, deactivates or reactivates one; `user.recovery` issues a
 * recovery link for a Registry admin or for someone with a request pending.
 */
export const APPROVAL_KINDS = [
  'admin.grant',
  'admin.withdraw',
  'user.update',
  'user.status',
  'user.recovery',
] as const;
export type ApprovalKind = (typeof APPROVAL_KINDS)[number];
export const APPROVAL_STATUSES = ['pending', 'approved', 'rejected', 'cancelled', 'void'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

export const approvalSchema = z.strictObject({
  id: z.uuid(),
  kind: z.enum(APPROVAL_KINDS),
  /** The person the action is about. */
  userId: z.uuid(),
  /** What the second admin approves: the roles/State, the new status, the link's lifetime. */
  change: z.strictObject({
    roles: z.array(z.enum(ROLES)).optional(),
    stateCode: z.string().nullable().optional(),
    displayName: z.string().optional(),
    status: z.enum(['active', 'suspended', 'deactivated']).optional(),
    reason: z.string().optional(),
    expiresInHours: z.number().optional(),
  }),
  requestedBy: z.uuid(),
  requestedAt: z.string(),
  status: z.enum(APPROVAL_STATUSES),
  decidedBy: z.uuid().nullable(),
  decidedAt: z.string().nullable(),
  /** Why a request was voided (its subject or approver was recovered meanwhile). */
  note: z.string().nullable(),
});
export type Approval = z.infer<typeof approvalSchema>;

export const requestAdminGrantSchema = z.strictObject({ userId: z.uuid() });
export const decideApprovalSchema = z.strictObject({ decision: z.enum(['approve', 'reject']) });

/** The answer to a decision: a recovery link, once, to the admin who approved it. */
export const approvalDecisionSchema = z.strictObject({
  approval: approvalSchema,
  issued: issuedInvitationSchema.nullable(),
});
export type ApprovalDecision = z.infer<typeof approvalDecisionSchema>;
