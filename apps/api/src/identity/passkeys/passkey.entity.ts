import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { UserEntity } from '../users/user.entity';

@Entity('passkeys')
@Index('passkeys_credential_id_unique', ['credentialId'], { unique: true })
@Index('passkeys_user', ['userId'])
export class PasskeyEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** WebAuthn credential id, base64url. */
  @Column({ type: 'text' })
  credentialId: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'passkeys_user_fk' })
  user?: UserEntity;

  @Column({ type: 'text' })
  name: string;

  /** COSE public key. */
  @Column({ type: 'bytea' })
  publicKey: Buffer;

  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  counter: number;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  transports: string[];

  @Column({ type: 'uuid' })
  aaguid: string;

  @Column({ type: 'text' })
  attestationFormat: string;

  /** multiDevice (synced) or singleDevice (device-bound). */
  @Column({ type: 'text' })
  deviceType: string;

  @Column({ type: 'boolean' })
  backedUp: boolean;

  @Column({ type: 'boolean' })
  prfCapable: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  /** Set when a signature counter went backwards: a sign of a cloned authenticator. */
  @Column({ type: 'timestamptz', nullable: true })
  flaggedAt: Date | null;
}
