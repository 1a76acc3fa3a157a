import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Readiness } from '@coop/contracts';
import { DataSource } from 'typeorm';
import { notReady } from '../errors';

const DATABASE_TIMEOUT_MS = 2_000;

@Injectable()
export class HealthService {
  private readonly logger = new Logger('Health');

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async readiness(): Promise<Readiness> {
    const started = performance.now();
    try {
      await withTimeout(this.dataSource.query('SELECT 1'), DATABASE_TIMEOUT_MS);
      const pending = await withTimeout(this.dataSource.showMigrations(), DATABASE_TIMEOUT_MS);
      if (pending) {
        throw new Error('migrations pending');
      }
    } catch (error) {
      // The reason goes to the operator's log, not to anonymous callers.
      this.logger.warn({ err: error }, 'readiness check failed');
      throw notReady();
    }
    return {
      status: 'ready',
      database: {
        status: 'up',
        latencyMs: Math.round(performance.now() - started),
      },
    };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
