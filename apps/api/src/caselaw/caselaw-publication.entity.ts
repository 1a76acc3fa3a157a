import {
  Check,
  Column,
  Entity,
  ForeignKey,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { CaselawEntryEntity } from './caselaw-entry.entity';

/**
 * Every time a facilitator published a revision: who did, and whose work it was (the submitter
 * and everyone who changed the text since the previous publication). Written once, never
 * changed; the seed's publications by the system have no row.
 */
@Entity('caselaw_publications')
@Index('caselaw_publications_entry_revision', ['entryId', 'revision'])
@Check(
  'caselaw_publications_second_pair_of_eyes',
  `NOT "second_review" OR NOT ("published_by" = ANY ("authors"))`,
)
export class CaselawPublicationEntity {
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
    primaryKeyConstraintName: 'caselaw_publications_pk',
  })
  id: string;

  @Column({ type: 'uuid' })
  entryId: string;

  @ManyToOne(() => CaselawEntryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'entry_id', foreignKeyConstraintName: 'caselaw_publications_entry_fk' })
  entry?: CaselawEntryEntity;

  @Column({ type: 'integer' })
  revision: number;

  @Column({ type: 'uuid' })
  @ForeignKey('users', { onDelete: 'RESTRICT', name: 'caselaw_publications_published_by_fk' })
  publishedBy: string;

  @Column({ type: 'uuid', array: true })
  authors: string[];

  /** CASELAW_SECOND_REVIEW was on: the publisher may not be one of the authors. */
  @Column({ type: 'boolean' })
  secondReview: boolean;

  @Column({ type: 'timestamptz' })
  publishedAt: Date;
}
