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
 * The private key bundle, encrypted in the browser under a key the server never sees (a passkey
 * PRF output, the recovery key or a passphrase). Returned only to its owner.
 */
@Entity('key_wraps')
@Index('key_wraps_current_unique', ['userId', 'generation', 'kind', 'wrapId'], { unique: true })
export class KeyWrapEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'key_wraps_user_fk' })
  user?: UserEntity;

  @Column({ type: 'integer' })
  generation: number;

  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'text' })
  wrapId: string;

  @Column({ type: 'jsonb' })
  record: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
