import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { LocalizedNames } from '@coop/contracts';
import { UserEntity } from '../identity/users/user.entity';

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
  createdBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'caselaw_topics_created_by_fk' })
  creator?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
