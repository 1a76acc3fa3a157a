import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { UserEntity } from '../users/user.entity';
import type { InvitationPurpose } from '@coop/contracts';

@Entity('invitations')
@Index('invitations_token_hash_unique', ['tokenHash'], { unique: true })
@Index('invitations_user', ['userId'])
@Check('invitations_purpose_known', `"purpose" IN ('onboarding', 'recovery', 'bootstrap')`)
export class InvitationEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** SHA-256 of the 256-bit token; the token itself is shown once and never stored. */
  @Column({ type: 'bytea' })
  tokenHash: Buffer;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'invitations_user_fk' })
  user?: UserEntity;

  @Column({ type: 'text' })
  purpose: InvitationPurpose;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  /** Who asked for the link when a second admin issued it (two-person rule). */
  @Column({ type: 'uuid', nullable: true })
  requestedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  redeemedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  revokedBy: string | null;
}
