export { Access, ACCESS_RULE } from './access.decorator';
export type { AccessRule } from './access.decorator';
export { AccessModule } from './access.module';
export { AccessPolicy, selectIds } from './access-policy';
export type { AccessQueries, AccessQuery } from './access-policy';
export { attachedPrincipal, CurrentPrincipal, principalOf } from './current-principal';
export { PRINCIPAL_SOURCE } from './principal-source';
export type { PrincipalSource } from './principal-source';
