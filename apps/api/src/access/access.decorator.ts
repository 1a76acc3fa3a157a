import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension, ApiSecurity } from '@nestjs/swagger';

export const ACCESS_RULE = 'coop:access-rule';

/** Who may call a route. Every route declares one; the global guard denies the rest. */
export type AccessRule = { kind: 'public' };

/** Route decorators that record the rule for the guard and for the OpenAPI document. */
export const Access = {
  /** Anyone, signed in or not (health, sign-in ceremonies). */
  public: () =>
    applyDecorators(
      SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule),
      ApiExtension('x-access', 'public'),
      ApiSecurity({}),
    ),
};
