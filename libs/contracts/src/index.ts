export * from './platform/health';
export * from './platform/problem';
