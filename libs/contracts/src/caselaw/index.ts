export * from './caselaw';
export * from './markdown';
export * from './references';
