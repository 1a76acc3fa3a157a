import { Client } from 'pg';

/**
 * The role the application connects as: it reads and writes rows, and nothing more. It owns
 * nothing, so it cannot disable triggers, alter tables or replay the audit log; the schema owner
 * runs migrations. The migration that grants it its privileges creates it (without LOGIN) if
 * missing; on an external server any login role that is a member of it will do.
 */
export const APP_ROLE = 'coop_app';

async function withClient<T>(url: string, run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Creates the login role, or resets its password and attributes; run as a superuser. */
export async function ensureAppRole(adminUrl: string, password: string): Promise<void> {
  await withClient(adminUrl, async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [
      APP_ROLE,
    ]);
    await client.query(
      `${rowCount ? 'ALTER' : 'CREATE'} ROLE ${APP_ROLE} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE ` +
        `NOREPLICATION NOBYPASSRLS PASSWORD ${client.escapeLiteral(password)}`,
    );
  });
}

/** The same URL, signed in as the application's role. */
export function appRoleUrl(url: string, password: string): string {
  const app = new URL(url);
  app.username = APP_ROLE;
  app.password = encodeURIComponent(password);
  return app.toString();
}

/** Why the role behind `url` is too strong for the application, if it is. */
export async function privilegedRoleProblem(url: string): Promise<string | undefined> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ role: string; superuser: boolean; owner: boolean }>(
      `SELECT current_user AS role, r.rolsuper AS superuser,
              EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                      WHERE n.nspname = 'public' AND pg_has_role(r.oid, c.relowner, 'USAGE')) AS owner
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    const [{ role, superuser, owner }] = rows;
    if (superuser) return `${role} is a superuser`;
    if (owner) return `${role} owns the schema's tables`;
    return undefined;
  });
}
