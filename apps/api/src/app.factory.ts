import type { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import express from 'express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import type { AppConfig } from './platform/config';
import { bodyErrorHandler, EARLY_LOG, requireJsonBody } from './platform/errors';
import { assignRequestId, requestLogging, rootLogger } from './platform/logging';
import { MetricsService, metricsMiddleware } from './platform/metrics';
import { mountOpenApi } from './platform/openapi';
import { csrfProtection, noStore, securityHeaders } from './platform/security';
import { chain, serverAdapter, tlsOptions } from './platform/server';
import { webAppRouter } from './platform/web';

export const API_PREFIX = 'api/v1';

/** Builds the whole application; main.ts and the tests both start it this way. */
export async function createApp(
  config: AppConfig,
  databaseUrl: string,
  /** Extra modules, for tests that mount fixtures on the real pipeline. */
  extraModules: Parameters<typeof AppModule.forRoot>[2] = [],
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, databaseUrl, extraModules),
    serverAdapter(config),
    {
      bodyParser: false,
      bufferLogs: true,
      httpsOptions: tlsOptions(config),
    },
  );
  const logger = app.get(Logger);
  app.useLogger(logger);
  app.set('trust proxy', config.TRUST_PROXY);
  app.disable('x-powered-by');

  app.set(EARLY_LOG, logger);
  app.use(assignRequestId);
  app.use(securityHeaders(config));
  app.use(metricsMiddleware(app.get(MetricsService)));
  app.use(
    '/api',
    chain(
      noStore,
      csrfProtection([config.PUBLIC_ORIGIN, ...config.WEBAUTHN_EXTRA_ORIGINS]),
      requireJsonBody,
      express.json({ limit: config.BODY_LIMIT, strict: true }),
    ),
  );
  app.use(bodyErrorHandler);

  const web = webAppRouter(config.WEB_DIST, { sourceMaps: config.NODE_ENV !== 'production' });
  if (web) app.use(web);
  else
    logger.warn(
      `No web app found in ${config.WEB_DIST}; serving the API only (run npm run build).`,
    );

  app.setGlobalPrefix(API_PREFIX);
  mountOpenApi(app, config.API_EXPLORER);
  app.use(requestLogging(rootLogger(config)));
  return app;
}
