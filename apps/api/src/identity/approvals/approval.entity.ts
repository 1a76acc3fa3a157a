import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import type { Approval, ApprovalKind, ApprovalStatus } from '@coop/contracts';
import { UserEntity } from '../users/user.entity';

/** Something one Registry admin asked for and a second one must approve (two-person rule). */
@Entity('approvals')
@Index('approvals_one_pending', ['userId', 'kind'], { unique: true, where: `"status" = 'pending'` })
@Check(
  'approvals_status_known',
  `"status" IN ('pending', 'approved', 'rejected', 'cancelled', 'void')`,
)
@Check(
  'approvals_kind_known',
  `"kind" IN ('admin.grant', 'admin.withdraw', 'user.update', 'user.status', 'user.recovery')`,
)
@Check('approvals_two_people', `"decided_by" IS NULL OR "decided_by" <> "requested_by"`)
export class ApprovalEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'text' })
  kind: ApprovalKind;

  /** The person the request is about. */
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'approvals_user_fk' })
  user?: UserEntity;

  @Column({ type: 'jsonb' })
  change: Approval['change'];

  @Column({ type: 'uuid' })
  requestedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  requestedAt: Date;

  @Column({ type: 'text' })
  status: ApprovalStatus;

  @Column({ type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;
}
