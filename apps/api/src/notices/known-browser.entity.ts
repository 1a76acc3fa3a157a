import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/**
 * A browser a user has signed in from, known by a random cookie it keeps. Only a hash of the
 * cookie and the user id is stored, so two accounts used in one browser cannot be linked.
 */
@Entity('known_browsers')
@Index('known_browsers_user_hash_unique', ['userId', 'browserHash'], { unique: true })
export class KnownBrowserEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  @ForeignKey('users', { onDelete: 'RESTRICT', name: 'known_browsers_user_fk' })
  userId: string;

  @Column({ type: 'bytea' })
  browserHash: Buffer;

  @Column({ type: 'timestamptz' })
  firstSeenAt: Date;

  @Column({ type: 'timestamptz' })
  lastSeenAt: Date;
}
