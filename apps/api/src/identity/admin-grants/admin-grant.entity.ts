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
import { UserEntity } from '../users/user.entity';
import type { AdminGrantStatus } from '@coop/contracts';

/** A request to make someone a Registry admin; a second admin must approve it. */
@Entity('admin_grants')
@Index('admin_grants_one_pending', ['userId'], { unique: true, where: `"status" = 'pending'` })
@Check('admin_grants_status_known', `"status" IN ('pending', 'approved', 'rejected', 'cancelled')`)
@Check('admin_grants_two_people', `"decided_by" IS NULL OR "decided_by" <> "requested_by"`)
export class AdminGrantEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'admin_grants_user_fk' })
  user?: UserEntity;

  @Column({ type: 'uuid' })
  requestedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  requestedAt: Date;

  @Column({ type: 'text' })
  status: AdminGrantStatus;

  @Column({ type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;
}
