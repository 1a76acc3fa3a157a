export * from './platform/health';
export * from './platform/problem';
export * from './states/states';
export * from './identity/identity';
export * from './identity/webauthn';
export * from './audit/audit';
export * from './keys/keys';
export * from './caselaw';
