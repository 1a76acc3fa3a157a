import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

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
  @ForeignKey('users', { onDelete: 'RESTRICT', name: 'key_wraps_user_fk' })
  userId: string;

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
