import type { FastifyRequest } from 'fastify';
import type { Principal } from '../principal';

/**
 * Who the caller is, as the feature that keeps sessions tells it. The guard depends on this token
 * only, so it never imports that feature and no feature imports the guard's owner.
 */
export const PRINCIPAL_SOURCE = Symbol('coop:principal-source');

export interface PrincipalSource {
  /** The principal of the request's credentials; null when there are none or they are not valid. */
  authenticate(req: FastifyRequest): Promise<Principal | null>;
  /** Whether the principal confirmed with a passkey recently enough for a step-up route. */
  isFreshlyVerified(principal: Principal): boolean;
}
