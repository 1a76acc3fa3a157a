export * from './caselaw';
export * from './markdown';
export * from './references';
export * from './responses';
