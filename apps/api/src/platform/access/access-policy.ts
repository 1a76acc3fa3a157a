import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { PERMISSIONS, type Permission } from '@coop/contracts';
import type { AppError } from '../errors';
import type { Principal } from '../principal';

/** How a feature answers one permission for a batch of ids. */
export interface AccessQuery {
  /**
   * The ids among `ids` the principal may act on: one SQL query, or none when the principal's
   * roles alone decide (a bypass, written here and nowhere else).
   */
  allowed(
    principal: Principal,
    ids: readonly string[],
    m: EntityManager,
  ): Promise<Iterable<string>>;
  /** The answer to a refused id: a 404 where the caller may not learn that the row exists. */
  refusal(): AppError;
}

export type AccessQueries = Partial<Record<Permission, AccessQuery>>;

/** Runs an access query's SQL ($1 is the ids) and reads the `id` column of its rows. */
export async function selectIds(
  m: EntityManager,
  sql: string,
  params: readonly unknown[],
): Promise<string[]> {
  const rows = (await m.query(sql, [...params])) as { id: string }[];
  return rows.map((r) => r.id);
}

/**
 * Answers "may this principal do P to these rows", one query per call, through the access
 * queries each feature registers for its own rows (platform code knows no feature's tables).
 */
@Injectable()
export class AccessPolicy implements OnApplicationBootstrap {
  private readonly queries = new Map<Permission, AccessQuery>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Called by each feature module's onModuleInit for the permissions on its rows. */
  register(queries: AccessQueries): void {
    for (const [permission, query] of Object.entries(queries) as [Permission, AccessQuery][]) {
      if (!PERMISSIONS.includes(permission)) throw new Error(`Unknown permission ${permission}.`);
      if (this.queries.has(permission))
        throw new Error(`Two access queries for the permission ${permission}.`);
      this.queries.set(permission, query);
    }
  }

  /** A permission nobody answers would allow or refuse by accident, so the app does not start. */
  onApplicationBootstrap(): void {
    const missing = PERMISSIONS.filter((p) => !this.queries.has(p));
    if (missing.length > 0)
      throw new Error(`No access query is registered for: ${missing.join(', ')}.`);
  }

  /** The ids among `ids` the principal may act on, e.g. to filter a list. */
  async allowed(
    principal: Principal,
    permission: Permission,
    ids: readonly string[],
    m: EntityManager = this.dataSource.manager,
  ): Promise<Set<string>> {
    const asked = [...new Set(ids)];
    if (asked.length === 0) return new Set();
    const found = new Set(await this.queryFor(permission).allowed(principal, asked, m));
    // Only what was asked for, whatever the query returned.
    return new Set(asked.filter((id) => found.has(id)));
  }

  /** Refuses the whole batch, with the permission's own answer, if any id in it is not allowed. */
  async require(
    principal: Principal,
    permission: Permission,
    ids: readonly string[],
    m?: EntityManager,
  ): Promise<void> {
    const allowed = await this.allowed(principal, permission, ids, m);
    if (ids.some((id) => !allowed.has(id))) throw this.queryFor(permission).refusal();
  }

  private queryFor(permission: Permission): AccessQuery {
    const query = this.queries.get(permission);
    if (!query) throw new Error(`No access query is registered for ${permission}.`);
    return query;
  }
}
