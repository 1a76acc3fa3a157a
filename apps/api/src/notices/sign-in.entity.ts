import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/** A user's recent sign-ins (a few kept), for "last sign-in" after the next one. */
@Entity('sign_ins')
@Index('sign_ins_user_at', ['userId', 'at'])
@Index('sign_ins_session_unique', ['sessionId'], { unique: true })
export class SignInEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  @ForeignKey('users', { onDelete: 'RESTRICT', name: 'sign_ins_user_fk' })
  userId: string;

  /** The session it opened. */
  @Column({ type: 'uuid' })
  sessionId: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  /** A summary of the user agent ("Firefox on Linux"), not the full string. */
  @Column({ type: 'text', nullable: true })
  browser: string | null;
}
