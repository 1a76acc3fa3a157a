import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Role, UserStatus } from '@coop/contracts';

@Entity('users')
@Index('users_email_unique', ['email'], { unique: true })
@Index('users_webauthn_user_id_unique', ['webauthnUserId'], { unique: true })
@Check(
  'users_roles_known',
  `"roles" <@ ARRAY['registry_admin', 'facilitator', 'focal_point']::text[] AND cardinality("roles") > 0`,
)
@Check('users_status_known', `"status" IN ('invited', 'active', 'suspended', 'deactivated')`)
@Check('users_focal_point_state', `('focal_point' = ANY("roles")) = ("state_code" IS NOT NULL)`)
export class UserEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'text' })
  displayName: string;

  /** Stored lower-cased; used only to tell people apart and to contact them. */
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text', array: true })
  roles: Role[];

  /** Names the States table rather than importing its entity: each feature owns its tables. */
  @Column({ type: 'char', length: 3, nullable: true })
  @ForeignKey('states', 'code', { onDelete: 'RESTRICT', name: 'users_state_fk' })
  stateCode: string | null;

  @Column({ type: 'text' })
  status: UserStatus;

  /** Random WebAuthn user handle: reveals nothing about the user, unlike an email or row id. */
  @Column({ type: 'bytea' })
  webauthnUserId: Buffer;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
