import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Ceremony } from './ceremony';

/** One challenge per ceremony: single use, short-lived, never on the user row. */
@Entity('webauthn_challenges')
@Index('webauthn_challenges_challenge_unique', ['challenge'], { unique: true })
@Index('webauthn_challenges_expires', ['expiresAt'])
@Check(
  'webauthn_challenges_ceremony_known',
  `"ceremony" IN ('register', 'sign-in', 'step-up', 'add-passkey')`,
)
export class WebauthnChallengeEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'text' })
  challenge: string;

  @Column({ type: 'text' })
  ceremony: Ceremony;

  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ type: 'uuid', nullable: true })
  invitationId: string | null;

  @Column({ type: 'uuid', nullable: true })
  sessionId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
