import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import type { AppConfig } from './platform/config';
import { EARLY_LOG, readJsonBodies } from './platform/errors';
import { requestLogging, rootLogger, sendRequestId } from './platform/logging';
import { countRequests, MetricsService } from './platform/metrics';
import { mountOpenApi } from './platform/openapi';
import { apiRequests, securityHeaders } from './platform/security';
import { entityTags, serverAdapter, tlsOptions } from './platform/server';
import { webApp } from './platform/web';

export const API_PREFIX = 'api/v1';

/** Builds the whole application; main.ts and the tests both start it this way. */
export async function createApp(
  config: AppConfig,
  databaseUrl: string,
  /** Extra modules, for tests that mount fixtures on the real pipeline. */
  extraModules: Parameters<typeof AppModule.forRoot>[2] = [],
): Promise<NestFastifyApplication> {
  const tls = tlsOptions(config);
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, databaseUrl, extraModules),
    serverAdapter(config, tls),
    { bodyParser: false, bufferLogs: true, httpsOptions: tls },
  );
  const logger = app.get(Logger);
  app.useLogger(logger);
  const fastify = app.getHttpAdapter().getInstance();

  // Request hooks run in this order, each request through all of them until one answers.
  fastify.decorate(EARLY_LOG, logger);
  fastify.addHook('onRequest', sendRequestId);
  fastify.addHook('onRequest', securityHeaders(config));
  countRequests(fastify, app.get(MetricsService));
  fastify.addHook('onRequest', apiRequests(config));
  readJsonBodies(fastify);
  entityTags(fastify);

  const web = webApp(config.WEB_DIST, { sourceMaps: config.NODE_ENV !== 'production' });
  if (web) fastify.addHook('onRequest', web);
  else
    logger.warn(
      `No web app found in ${config.WEB_DIST}; serving the API only (run npm run build).`,
    );

  app.setGlobalPrefix(API_PREFIX);
  mountOpenApi(app, config.API_EXPLORER);
  fastify.addHook('preHandler', requestLogging(rootLogger(config)));
  return app;
}
