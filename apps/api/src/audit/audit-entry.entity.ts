import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One link of the hash chain. Appended only; a trigger rejects UPDATE, DELETE and TRUNCATE. */
@Entity('audit_log')
@Index('audit_log_actor', ['actorId', 'seq'])
@Index('audit_log_action', ['action', 'seq'])
@Index('audit_log_state', ['stateCode', 'seq'])
@Index('audit_log_at', ['at'])
export class AuditEntryEntity {
  @PrimaryColumn({ type: 'bigint' })
  seq: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text', nullable: true })
  subjectType: string | null;

  @Column({ type: 'text', nullable: true })
  subjectId: string | null;

  @Column({ type: 'char', length: 3, nullable: true })
  stateCode: string | null;

  @Column({ type: 'jsonb' })
  details: Record<string, unknown>;

  @Column({ type: 'bytea' })
  prevHash: Buffer;

  @Column({ type: 'bytea' })
  hash: Buffer;
}
