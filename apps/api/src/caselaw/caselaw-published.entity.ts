import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import type { CaselawContent, CaselawKind } from '@coop/contracts';
import { CaselawEntryEntity } from './caselaw-entry.entity';

/**
 * The published text of each entry, the only table readers' queries touch. The application
 * writes `entry_id`, `revision`, `content` and `published_at`; the trigger
 * `caselaw_published_derive` fills every other column from `content` (facets and the
 * per-language search vectors), so seeds, imports and bulk loads are indexed the same way.
 */
@Entity('caselaw_published')
export class CaselawPublishedEntity {
  @PrimaryColumn({ type: 'uuid' })
  entryId: string;

  @OneToOne(() => CaselawEntryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'entry_id', foreignKeyConstraintName: 'caselaw_published_entry_fk' })
  entry?: CaselawEntryEntity;

  @Column({ type: 'integer' })
  revision: number;

  @Column({ type: 'jsonb' })
  content: CaselawContent;

  @Column({ type: 'timestamptz' })
  publishedAt: Date;

  @Column({ type: 'text', insert: false, update: false })
  kind: CaselawKind;

  @Column({ type: 'text', nullable: true, insert: false, update: false })
  chamber: string | null;

  @Column({ type: 'date', nullable: true, insert: false, update: false })
  decisionDate: string | null;

  @Column({ type: 'text', nullable: true, insert: false, update: false })
  situation: string | null;

  @Column({ type: 'text', nullable: true, insert: false, update: false })
  documentType: string | null;

  /** Upper-cased, for exact look-ups. */
  @Index('caselaw_published_document_keys', { synchronize: false })
  @Column({ type: 'text', array: true, insert: false, update: false })
  documentKeys: string[];

  /** Each cited provision and the provisions above it (`statute:93`, `statute:93(1)`, …). */
  @Index('caselaw_published_article_keys', { synchronize: false })
  @Column({ type: 'text', array: true, insert: false, update: false })
  articleKeys: string[];

  /** The cited provisions as cited, for facet counts. */
  @Column({ type: 'text', array: true, insert: false, update: false })
  articles: string[];

  @Index('caselaw_published_topics', { synchronize: false })
  @Column({ type: 'text', array: true, insert: false, update: false })
  topics: string[];

  @Column({ type: 'text', array: true, insert: false, update: false })
  languages: string[];

  @Index('caselaw_published_tsv_en', { synchronize: false })
  @Column({ type: 'tsvector', select: false, insert: false, update: false })
  tsvEn: string;

  @Index('caselaw_published_tsv_fr', { synchronize: false })
  @Column({ type: 'tsvector', select: false, insert: false, update: false })
  tsvFr: string;

  @Index('caselaw_published_tsv_es', { synchronize: false })
  @Column({ type: 'tsvector', select: false, insert: false, update: false })
  tsvEs: string;

  @Index('caselaw_published_tsv_ar', { synchronize: false })
  @Column({ type: 'tsvector', select: false, insert: false, update: false })
  tsvAr: string;

  /** Document numbers, names and titles, unstemmed. */
  @Index('caselaw_published_tsv_simple', { synchronize: false })
  @Column({ type: 'tsvector', select: false, insert: false, update: false })
  tsvSimple: string;
}
