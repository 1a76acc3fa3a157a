import { createHash } from 'node:crypto';
import { Injectable, type ExecutionContext } from '@nestjs/common';
import {
  ThrottlerGuard,
  type ThrottlerLimitDetail,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import type { DataSource } from 'typeorm';
import type { Clock } from '../clock';
import { tooManyRequests } from '../errors';

type StorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * Counts in PostgreSQL, the one service every API instance shares, so N instances still allow
 * the limit once. A client's window opens with its first request and lasts `ttl`; one statement
 * counts the request and, once the window has passed, opens a new one, so concurrent requests
 * on any instance never lose a hit.
 */
export class PostgresThrottlerStorage implements ThrottlerStorage {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    _blockDuration: number,
    bucket: string,
  ): Promise<StorageRecord> {
    const now = this.clock.now();
    const expired = new Date(now.getTime() - ttl);
    const [row] = (await this.dataSource.query(
      `INSERT INTO "rate_limit_hits" AS h ("bucket", "key", "window_start", "count")
       VALUES ($1, $2, $3, 1)
       ON CONFLICT ("bucket", "key") DO UPDATE SET
         "window_start" = CASE WHEN h."window_start" <= $4 THEN EXCLUDED."window_start" ELSE h."window_start" END,
         "count" = CASE WHEN h."window_start" <= $4 THEN 1 ELSE h."count" + 1 END
       RETURNING "window_start", "count"`,
      [bucket, key, now, expired],
    )) as { window_start: Date; count: number }[];
    // Each new window is a moment to forget every client whose window has passed.
    if (row.count === 1) {
      await this.dataSource.query(
        `DELETE FROM "rate_limit_hits" WHERE "bucket" = $1 AND "window_start" <= $2`,
        [bucket, expired],
      );
    }
    const secondsLeft = Math.max(
      1,
      Math.ceil((row.window_start.getTime() + ttl - now.getTime()) / 1000),
    );
    return {
      totalHits: row.count,
      timeToExpire: secondsLeft,
      isBlocked: row.count > limit,
      timeToBlockExpire: secondsLeft,
    };
  }
}

/**
 * One allowance per client address across every authentication route it guards (not one per
 * route), answered with 429 problem+json and Retry-After once spent.
 */
@Injectable()
export class AuthRateLimitGuard extends ThrottlerGuard {
  protected override generateKey(_context: ExecutionContext, tracker: string, name: string) {
    return createHash('sha256').update(`${name}:${tracker}`).digest('hex');
  }

  protected override async throwThrottlingException(
    context: ExecutionContext,
    { timeToBlockExpire }: ThrottlerLimitDetail,
  ): Promise<void> {
    void context
      .switchToHttp()
      .getResponse<FastifyReply>()
      .header('Retry-After', timeToBlockExpire);
    throw tooManyRequests(timeToBlockExpire);
  }
}
