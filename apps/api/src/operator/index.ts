export { createOperatorContext } from './operator.module';
export type { OperatorContext } from './operator.module';
