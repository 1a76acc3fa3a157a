export { AuditModule } from './audit.module';
export { AuditService } from './audit.service';
export type { AuditEvent } from './audit.service';
export { ChainVerifier, canonicalJson, entryHash } from './audit-chain';
export type { ChainVerdict } from './audit-chain';
