export { Access, ACCESS_RULE } from './access.decorator';
export type { AccessRule } from './access.decorator';
export { AccessModule } from './access.module';
