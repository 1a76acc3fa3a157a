#!/usr/bin/env node
// The API's second entry point: `coop`, the operator commands, run on the API's own services.
import 'reflect-metadata';
import { Command } from 'commander';
import { auditCommand } from './commands/audit';
import { bootstrapAdminCommand } from './commands/bootstrap-admin';
import { doctorCommand } from './commands/doctor';
import { migrateCommand } from './commands/migrate';
import { verifyWebCommand } from './commands/verify-web';

const program = new Command('coop')
  .description('Operator tool for the Cooperation Platform')
  .showHelpAfterError()
  .exitOverride();

program
  .addCommand(migrateCommand())
  .addCommand(doctorCommand())
  .addCommand(bootstrapAdminCommand())
  .addCommand(auditCommand())
  .addCommand(verifyWebCommand());

program.parseAsync(process.argv).catch((error: unknown) => {
  const code = (error as { exitCode?: number }).exitCode;
  if (typeof code === 'number') process.exit(code);
  process.stderr.write(`coop: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
