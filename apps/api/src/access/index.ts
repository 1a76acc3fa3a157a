export { Access, ACCESS_RULE } from './access.decorator';
export type { AccessRule } from './access.decorator';
export { CurrentPrincipal, principalOf } from './current-principal';
