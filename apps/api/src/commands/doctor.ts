import { ConfigError, describeConfig, loadConfig } from '@coop/config';
import { Command } from 'commander';
import { withDatabase } from './database-session';

type Check = { name: string; ok: boolean; detail: string };

export function doctorCommand(): Command {
  return new Command('doctor')
    .description('check the configuration and the database, and print what was found')
    .option('--json', 'print the findings as JSON')
    .action(async (options: { json?: boolean }) => {
      const checks: Check[] = [];
      let settings: Record<string, unknown> = {};
      try {
        settings = describeConfig(loadConfig());
        checks.push({ name: 'configuration', ok: true, detail: 'all settings valid' });
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        checks.push({ name: 'configuration', ok: false, detail: error.problems.join('; ') });
      }
      if (checks[0].ok) {
        try {
          await withDatabase(async ({ target, dataSource }) => {
            const [{ server_version: version }] = (await dataSource.query(
              'SHOW server_version',
            )) as {
              server_version: string;
            }[];
            checks.push({
              name: 'database',
              ok: true,
              detail: `${target.mode} PostgreSQL ${version} reachable`,
            });
            const pending = await dataSource.showMigrations();
            checks.push({
              name: 'migrations',
              ok: !pending,
              detail: pending ? 'pending migrations: run coop migrate' : 'schema up to date',
            });
          });
        } catch (error) {
          checks.push({
            name: 'database',
            ok: false,
            detail: error instanceof Error ? error.message : String(error),
          });
        }
      }
      const ok = checks.every((c) => c.ok);
      if (options.json) {
        process.stdout.write(`${JSON.stringify({ ok, checks, settings }, null, 2)}\n`);
      } else {
        for (const c of checks)
          process.stdout.write(`${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}\n`);
        for (const [key, value] of Object.entries(settings)) {
          process.stdout.write(`     ${key}=${value === undefined ? '(unset)' : String(value)}\n`);
        }
      }
      process.exitCode = ok ? 0 : 1;
    });
}
