import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/** That a user compared a contact's safety number, and which key they compared. Private to them. */
@Entity('key_verifications')
@Index('key_verifications_pair_unique', ['verifierUserId', 'subjectUserId'], { unique: true })
export class KeyVerificationEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  @ForeignKey('users', { onDelete: 'RESTRICT', name: 'key_verifications_verifier_fk' })
  verifierUserId: string;

  @Column({ type: 'uuid' })
  @ForeignKey('users', { onDelete: 'RESTRICT', name: 'key_verifications_subject_fk' })
  subjectUserId: string;

  @Column({ type: 'text' })
  fingerprint: string;

  @Column({ type: 'timestamptz' })
  verifiedAt: Date;
}
