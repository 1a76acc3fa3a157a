import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/**
 * A Registry admin's signed statement that a user's key (fingerprint) belongs to that user, State
 * and roles, made after checking it out of band.
 */
@Entity('key_attestations')
@Index('key_attestations_subject', ['subjectUserId'])
export class KeyAttestationEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  @ForeignKey('users', { onDelete: 'RESTRICT', name: 'key_attestations_subject_fk' })
  subjectUserId: string;

  @Column({ type: 'uuid' })
  @ForeignKey('users', { onDelete: 'RESTRICT', name: 'key_attestations_attester_fk' })
  attesterUserId: string;

  /** The signed statement and its signature, exactly as the admin's browser made them. */
  @Column({ type: 'jsonb' })
  attestation: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
