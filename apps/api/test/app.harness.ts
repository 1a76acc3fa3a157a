import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createTestDatabase, type TestDatabase } from '@coop/testing';
import { loadConfig, type AppConfig } from '@coop/config';
import { createApp } from '../src/app.factory';
import { conformanceModule, Mismatches } from './response-conformance';

export interface TestApp {
  app: NestFastifyApplication;
  /** Base URL of the listening server, e.g. http://127.0.0.1:41234 */
  url: string;
  /** Every route the server registered, as `<method> <path>` in lower-case method. */
  served: string[];
  config: AppConfig;
  database: TestDatabase;
  close(): Promise<void>;
}

/** The real application on its own cloned database, listening on a random loopback port. */
export async function startTestApp(
  env: NodeJS.ProcessEnv = {},
  extraModules: Parameters<typeof createApp>[2] = [],
): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    WEB_DIST: './tmp/no-web',
    ...env,
    NODE_ENV: 'test',
  });
  const mismatches = new Mismatches();
  const app = await createApp(config, database.appUrl, [
    ...extraModules,
    conformanceModule(mismatches),
  ]);
  const served: string[] = [];
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRoute', ({ method, url }) => {
      for (const m of [method].flat()) served.push(`${m.toLowerCase()} ${url}`);
    });
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  return {
    app,
    url: url.replace('[::1]', '127.0.0.1'),
    served,
    config,
    database,
    close: async () => {
      await app.close();
      await database.drop();
      if (mismatches.found.length > 0) {
        throw new Error(
          `Answers that differ from the OpenAPI document:\n${mismatches.found.join('\n')}`,
        );
      }
    },
  };
}
