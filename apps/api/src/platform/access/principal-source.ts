import type { Principal } from '../principal';

/**
 * Who the caller is, as the feature that keeps sessions tells it: the name of the Passport
 * strategy it registered, and its step-up rule. The guard depends on this token only, so it never
 * imports that feature and no feature imports the guard's owner.
 */
export const PRINCIPAL_SOURCE = Symbol('coop:principal-source');

export interface PrincipalSource {
  /** The Passport strategy that turns a request's credentials into a Principal (or fails). */
  readonly strategy: string;
  /** Whether the principal confirmed with a passkey recently enough for a step-up route. */
  isFreshlyVerified(principal: Principal): boolean;
}
