import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { LocalizedNames } from '@coop/contracts';

/** The controlled vocabulary of topics, labelled in the four languages. */
@Entity('caselaw_topics')
@Check('caselaw_topics_key_format', `"key" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`)
export class CaselawTopicEntity {
  @PrimaryColumn({ type: 'text' })
  key: string;

  @Column({ type: 'jsonb' })
  labels: LocalizedNames;

  /** null: seeded by the system. */
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey('users', { onDelete: 'RESTRICT', name: 'caselaw_topics_created_by_fk' })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
