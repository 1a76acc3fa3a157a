import { loadConfig } from '@coop/config';
import { resolveDatabase } from '@coop/database';
// The CLI drives the API's own services, so invitations and audit checks have one implementation.
// This is the one sanctioned import of an application by another.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { createOperatorContext, type OperatorContext } from '../../../api/src/operator';

/** Runs `work` with the API's services on the configured database, then closes everything. */
export async function withOperator<T>(work: (ctx: OperatorContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const target = await resolveDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    embeddedPort: config.EMBEDDED_PG_PORT,
  });
  try {
    const ctx = await createOperatorContext({ ...config, MIGRATIONS_RUN: true }, target.url);
    try {
      return await work(ctx);
    } finally {
      await ctx.close();
    }
  } finally {
    await target.embedded?.stop();
  }
}
