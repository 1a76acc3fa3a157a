import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { NOTICE_KINDS, type Notice } from '@coop/contracts';

/** Something that changed how a user can get into their account, told to that user. */
@Entity('notices')
@Index('notices_user_created', ['userId', 'createdAt'])
@Check('notices_kind_known', `"kind" IN (${NOTICE_KINDS.map((k) => `'${k}'`).join(', ')})`)
export class NoticeEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  @ForeignKey('users', { onDelete: 'RESTRICT', name: 'notices_user_fk' })
  userId: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'jsonb' })
  details: Notice['details'];

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
