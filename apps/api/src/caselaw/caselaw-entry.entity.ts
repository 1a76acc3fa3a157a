import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import type { CaselawKind, CaselawStatus } from '@coop/contracts';

/**
 * One case-law entry or explainer: its workflow state, which revision is the working copy and
 * which one readers see. The texts themselves live in the revisions.
 */
@Entity('caselaw_entries')
@Check('caselaw_entries_kind_known', `"kind" IN ('entry', 'explainer')`)
@Check('caselaw_entries_status_known', `"status" IN ('draft', 'in_review', 'published')`)
@Check(
  'caselaw_entries_published_is_current',
  `"status" <> 'published' OR "published_revision" = "current_revision"`,
)
@Index('caselaw_entries_status', ['status', 'updatedAt'])
export class CaselawEntryEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'text' })
  kind: CaselawKind;

  @Column({ type: 'text' })
  status: CaselawStatus;

  @Column({ type: 'integer' })
  currentRevision: number;

  @Column({ type: 'integer', nullable: true })
  publishedRevision: number | null;

  /** null: seeded by the system. */
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey('users', { onDelete: 'RESTRICT', name: 'caselaw_entries_created_by_fk' })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'uuid', nullable: true })
  @ForeignKey('users', { onDelete: 'RESTRICT', name: 'caselaw_entries_updated_by_fk' })
  updatedBy: string | null;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  @ForeignKey('users', { onDelete: 'RESTRICT', name: 'caselaw_entries_submitted_by_fk' })
  submittedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  @ForeignKey('users', { onDelete: 'RESTRICT', name: 'caselaw_entries_published_by_fk' })
  publishedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;
}
