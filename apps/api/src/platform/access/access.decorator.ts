import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiCookieAuth, ApiExtension, ApiSecurity } from '@nestjs/swagger';
import type { Role } from '@coop/contracts';

export const ACCESS_RULE = 'coop:access-rule';

/** Who may call a route. Every route declares one; the global guard denies the rest. */
export type AccessRule =
  | { kind: 'public' }
  | {
      kind: 'signed-in';
      /** Any of these roles; empty means any signed-in user. */
      roles: Role[];
      /** Sensitive: needs a user-verified passkey assertion within the last few minutes. */
      stepUp: boolean;
    };

interface SignedInOptions {
  stepUp?: boolean;
}

const declare = (rule: AccessRule, summary: string) =>
  applyDecorators(
    SetMetadata(ACCESS_RULE, rule),
    ApiExtension('x-access', summary),
    ...(rule.kind === 'public' ? [ApiSecurity({})] : [ApiCookieAuth('session')]),
    ...(rule.kind === 'signed-in' && rule.stepUp ? [ApiExtension('x-step-up', true)] : []),
  );

const describe = (what: string, options?: SignedInOptions) =>
  options?.stepUp ? `${what} + step-up` : what;

/**
 * Route decorators that record the rule for the guard and for the OpenAPI document. Which rows a
 * caller may touch on a route (their own sessions, their own State) is the AccessPolicy's to say.
 */
export const Access = {
  /** Anyone, signed in or not (health, sign-in ceremonies). */
  public: () => declare({ kind: 'public' }, 'public'),

  /** Any signed-in, active user. */
  signedIn: (options?: SignedInOptions) =>
    declare(
      { kind: 'signed-in', roles: [], stepUp: !!options?.stepUp },
      describe('signed-in', options),
    ),

  /** Signed-in users holding at least one of the roles. */
  roles: (roles: Role[], options?: SignedInOptions) =>
    declare(
      { kind: 'signed-in', roles, stepUp: !!options?.stepUp },
      describe(`roles:${roles.join('|')}`, options),
    ),
};
