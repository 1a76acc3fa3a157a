import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { CaselawContent, RevisionOrigin } from '@coop/contracts';
import { CaselawEntryEntity } from './caselaw-entry.entity';

/** Every version of an entry's content, numbered from 1, never changed once written. */
@Entity('caselaw_revisions')
@Index('caselaw_revisions_entry_number_unique', ['entryId', 'number'], { unique: true })
@Check('caselaw_revisions_origin_known', `"origin" IN ('edit', 'import', 'seed')`)
@Check('caselaw_revisions_number_positive', `"number" > 0`)
export class CaselawRevisionEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'uuid' })
  entryId: string;

  @ManyToOne(() => CaselawEntryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'entry_id', foreignKeyConstraintName: 'caselaw_revisions_entry_fk' })
  entry?: CaselawEntryEntity;

  @Column({ type: 'integer' })
  number: number;

  @Column({ type: 'jsonb' })
  content: CaselawContent;

  /** null: the system (seeded content). */
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey('users', { onDelete: 'RESTRICT', name: 'caselaw_revisions_author_fk' })
  authorId: string | null;

  @Column({ type: 'text' })
  origin: RevisionOrigin;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
