-- The application's own role: it reads and writes rows and owns nothing, so it cannot disable
-- the audit log's triggers or alter a table. Run at every `docker compose up` (idempotent; a
-- changed COOP_APP_PASSWORD takes effect). The migration ApplicationRole grants its privileges.
\getenv password COOP_APP_PASSWORD
SELECT format(
         '%s ROLE coop_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD %L',
         CASE WHEN EXISTS (SELECT FROM pg_roles WHERE rolname = 'coop_app') THEN 'ALTER' ELSE 'CREATE' END,
         :'password'
       ) \gexec
