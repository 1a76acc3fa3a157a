import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/** A user's public keys, one row per generation; the newest generation is current. */
@Entity('key_records')
@Index('key_records_user_generation_unique', ['userId', 'generation'], { unique: true })
export class KeyRecordEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  @ForeignKey('users', { onDelete: 'RESTRICT', name: 'key_records_user_fk' })
  userId: string;

  @Column({ type: 'integer' })
  generation: number;

  /** The self-signed record exactly as the client made it. */
  @Column({ type: 'jsonb' })
  record: Record<string, unknown>;

  @Column({ type: 'text' })
  fingerprint: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
