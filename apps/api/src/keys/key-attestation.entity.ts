import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { UserEntity } from '../identity/users/user.entity';

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
  subjectUserId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'subject_user_id', foreignKeyConstraintName: 'key_attestations_subject_fk' })
  subject?: UserEntity;

  @Column({ type: 'uuid' })
  attesterUserId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'attester_user_id',
    foreignKeyConstraintName: 'key_attestations_attester_fk',
  })
  attester?: UserEntity;

  /** The signed statement and its signature, exactly as the admin's browser made them. */
  @Column({ type: 'jsonb' })
  attestation: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
