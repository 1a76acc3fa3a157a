import { Command } from 'commander';
import { withDatabase } from './database-session';

export function migrateCommand(): Command {
  return new Command('migrate')
    .description('apply pending database migrations (the API also does this at start)')
    .option('--revert', 'undo the most recent migration instead')
    .action(async (options: { revert?: boolean }) => {
      await withDatabase(async ({ dataSource }) => {
        if (options.revert) {
          await dataSource.undoLastMigration({ transaction: 'each' });
          process.stdout.write('reverted the most recent migration\n');
          return;
        }
        const applied = await dataSource.runMigrations({ transaction: 'each' });
        process.stdout.write(
          applied.length
            ? applied.map((m) => `applied ${m.name}\n`).join('')
            : 'database schema is up to date\n',
        );
      });
    });
}
