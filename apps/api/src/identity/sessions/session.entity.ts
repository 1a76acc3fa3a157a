import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { UserEntity } from '../users/user.entity';

@Entity('sessions')
@Index('sessions_token_hash_unique', ['tokenHash'], { unique: true })
@Index('sessions_user', ['userId'])
export class SessionEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** SHA-256 of the 256-bit cookie token. */
  @Column({ type: 'bytea' })
  tokenHash: Buffer;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'sessions_user_fk' })
  user?: UserEntity;

  @Column({ type: 'uuid', nullable: true })
  passkeyId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  lastSeenAt: Date;

  /** Absolute end, whatever the activity. */
  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  /** Last user-verified assertion, for step-up. */
  @Column({ type: 'timestamptz' })
  verifiedAt: Date;

  @Column({ type: 'text' })
  userAgent: string;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  revokedReason: string | null;
}
