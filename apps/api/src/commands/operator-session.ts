import { loadConfig } from '@coop/config';
import { resolveDatabase } from '@coop/database';
// The commands drive the API's own services, so invitations and audit checks have one implementation.
import { createOperatorContext, type OperatorContext } from './operator-context';

/**
 * Runs `work` with the API's services on the configured database, then closes everything.
 * Only commands that set the platform up (`migrate: true`) may change the schema.
 */
export async function withOperator<T>(
  options: { migrate: boolean },
  work: (ctx: OperatorContext) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const target = await resolveDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    embeddedPort: config.EMBEDDED_PG_PORT,
  });
  try {
    const ctx = await createOperatorContext(
      { ...config, MIGRATIONS_RUN: options.migrate },
      target.url,
    );
    try {
      return await work(ctx);
    } finally {
      await ctx.close();
    }
  } finally {
    await target.embedded?.stop();
  }
}
