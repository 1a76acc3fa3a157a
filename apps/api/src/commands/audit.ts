import { Command } from 'commander';
import { withOperator } from './operator-session';

export function auditCommand(): Command {
  const audit = new Command('audit').description('audit log tools');
  audit
    .command('verify')
    .description('recompute the hash chain of the audit log; exit 1 naming the first bad entry')
    .option('--json', 'print the verdict as JSON')
    .action(async (options: { json?: boolean }) => {
      const verdict = await withOperator({ migrate: false }, ({ audit: service }) =>
        service.verify(),
      );
      if (options.json) process.stdout.write(`${JSON.stringify(verdict)}\n`);
      else if (verdict.ok)
        process.stdout.write(
          `audit log intact: ${verdict.entries} entries, head ${verdict.head}\n`,
        );
      else {
        process.stdout.write(
          `audit log BROKEN at entry ${verdict.firstBadSeq}: ${verdict.reason} (${verdict.entries} entries before it are intact)\n`,
        );
      }
      process.exitCode = verdict.ok ? 0 : 1;
    });
  return audit;
}
