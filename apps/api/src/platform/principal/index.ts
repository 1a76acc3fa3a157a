export type { Principal } from './principal';
