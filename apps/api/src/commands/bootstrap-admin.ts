import { Command } from 'commander';
import { withOperator } from './operator-session';

export function bootstrapAdminCommand(): Command {
  return new Command('bootstrap-admin')
    .description('print a one-time invitation link for one of the first two Registry admins')
    .requiredOption('--name <name>', 'display name of the admin')
    .requiredOption('--email <email>', 'contact email of the admin')
    .action(async (options: { name: string; email: string }) => {
      await withOperator({ migrate: true }, async ({ invitations }) => {
        const { link, invitation } = await invitations.bootstrap(options.name, options.email);
        process.stdout.write(
          `One-time link for ${options.name} (valid until ${invitation.expiresAt}; shown only now):\n\n  ${link}\n\n`,
        );
      });
    });
}
