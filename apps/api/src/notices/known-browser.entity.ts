import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../identity/users/user.entity';

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
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'known_browsers_user_fk' })
  user?: UserEntity;

  @Column({ type: 'bytea' })
  browserHash: Buffer;

  @Column({ type: 'timestamptz' })
  firstSeenAt: Date;

  @Column({ type: 'timestamptz' })
  lastSeenAt: Date;
}
