import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import type { AppConfig } from './platform/config';
import { badRequest, EARLY_LOG, readJsonBodies, sendProblem } from './platform/errors';
import { requestLogging, rootLogger, sendRequestId } from './platform/logging';
import { countRequests, MetricsService } from './platform/metrics';
import { mountOpenApi } from './platform/openapi';
import { apiRequests, securityHeaders } from './platform/security';
import { entityTags, serverAdapter, tlsOptions } from './platform/server';
import { webApp } from './platform/web';

export const API_PREFIX = 'api/v1';

const UNDECODABLE_PATH = badRequest('The request path is not validly percent-encoded.').toProblem();

/** Runs request hooks one after the other, as Fastify would, until one answers. */
function runHooks(
  hooks: onRequestHookHandler[],
  fastify: FastifyInstance,
  req: FastifyRequest,
  reply: FastifyReply,
  then: () => void,
): void {
  const next = (i: number): void => {
    if (i === hooks.length) return then();
    void hooks[i].call(fastify, req, reply, () => next(i + 1));
  };
  next(0);
}

/** Builds the whole application; main.ts and the tests both start it this way. */
export async function createApp(
  config: AppConfig,
  databaseUrl: string,
  /** Extra modules, for tests that mount fixtures on the real pipeline. */
  extraModules: Parameters<typeof AppModule.forRoot>[2] = [],
): Promise<NestFastifyApplication> {
  const tls = tlsOptions(config);
  let unroutable = (_req: FastifyRequest, _reply: FastifyReply): void => undefined;
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, databaseUrl, extraModules),
    serverAdapter(config, tls, (_error, req, reply) => unroutable(req, reply)),
    { bodyParser: false, bufferLogs: true, httpsOptions: tls },
  );
  const logger = app.get(Logger);
  app.useLogger(logger);
  const fastify = app.getHttpAdapter().getInstance();

  // Request hooks run in this order, each request through all of them until one answers.
  fastify.decorate(EARLY_LOG, logger);
  const beforeRouting = [sendRequestId, securityHeaders(config), apiRequests(config)];
  for (const hook of beforeRouting) fastify.addHook('onRequest', hook);
  const countUnrouted = countRequests(fastify, app.get(MetricsService));
  // A path that does not decode is refused where Express refused it: after the checks above.
  unroutable = (req, reply) => {
    countUnrouted(req, reply);
    runHooks(beforeRouting, fastify, req, reply, () =>
      sendProblem(req, reply, UNDECODABLE_PATH, true),
    );
  };
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
