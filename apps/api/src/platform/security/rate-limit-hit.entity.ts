import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Requests counted in one client's current window, shared by every API instance. */
@Entity('rate_limit_hits')
@Index('rate_limit_hits_window_start', ['windowStart'])
export class RateLimitHitEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'rate_limit_hits_pk' })
  bucket: string;

  /** A hash of the client address, not the address itself. */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'rate_limit_hits_pk' })
  key: string;

  @Column({ type: 'timestamptz' })
  windowStart: Date;

  @Column({ type: 'integer' })
  count: number;
}
