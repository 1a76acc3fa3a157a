import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../identity/users/user.entity';

/** That a user compared a contact's safety number, and which key they compared. Private to them. */
@Entity('key_verifications')
@Index('key_verifications_pair_unique', ['verifierUserId', 'subjectUserId'], { unique: true })
export class KeyVerificationEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  verifierUserId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'verifier_user_id',
    foreignKeyConstraintName: 'key_verifications_verifier_fk',
  })
  verifier?: UserEntity;

  @Column({ type: 'uuid' })
  subjectUserId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'subject_user_id', foreignKeyConstraintName: 'key_verifications_subject_fk' })
  subject?: UserEntity;

  @Column({ type: 'text' })
  fingerprint: string;

  @Column({ type: 'timestamptz' })
  verifiedAt: Date;
}
