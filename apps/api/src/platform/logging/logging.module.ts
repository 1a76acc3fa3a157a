import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import type { Request, RequestHandler } from 'express';
import { LoggerModule } from 'nestjs-pino';
import { pino, type Logger } from 'pino';
import type { AppConfig } from '../config';
import { attachedPrincipal } from '../access';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

type WithId = IncomingMessage & { id?: string };

/** A caller's X-Request-Id is kept when well formed, so a trace crosses the proxy. */
export function requestId(req: IncomingMessage, res: ServerResponse): string {
  const withId = req as WithId;
  if (withId.id) return withId.id;
  const given = req.headers['x-request-id'];
  withId.id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', withId.id);
  return withId.id;
}

/** First in the chain, so even requests refused before routing carry and log their id. */
export const assignRequestId: RequestHandler = (req, res, next) => {
  requestId(req, res);
  next();
};

/** Paths only: query strings can carry one-time tokens. */
const pathOf = (url: string | undefined) => (url ?? '').split('?')[0];

/**
 * Who made the request, read when the response ends (the session guard has run by then): the
 * client address as `TRUST_PROXY` computes it, and the user and session ids, never the token.
 */
function caller(req: IncomingMessage) {
  const principal = attachedPrincipal(req);
  return {
    clientAddress: (req as { ip?: string }).ip,
    userId: principal?.userId,
    sessionId: principal?.sessionId,
  };
}

const roots = new WeakMap<AppConfig, Logger>();

/**
 * The one logger of an application; `req` and `res` are logged as method and path, and status,
 * whoever passes them. No bodies, headers, tokens or personal data.
 */
export function rootLogger(config: AppConfig): Logger {
  let root = roots.get(config);
  if (!root) {
    root = pino({
      level: config.LOG_LEVEL,
      serializers: {
        req: (req: { method: string; url: string }) => ({
          method: req.method,
          path: pathOf(req.url),
        }),
        res: (res: { statusCode: number | null }) => ({ status: res.statusCode }),
      },
    });
    roots.set(config, root);
  }
  return root;
}

const levelOf = (status: number, error: unknown) =>
  error || status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';

/**
 * One line per request when it ends, and a logger carrying the request id for whatever is logged
 * while it is handled. Written for this application instead of pino-http, which makes two child
 * loggers and serialises the request for every request, even the health probes it never logs.
 * Mounted after the web app and the API explorer, as the Nest middleware it replaces was.
 */
export function requestLogging(root: Logger): RequestHandler {
  return (req, res, next) => {
    const log = root.child({ requestId: requestId(req, res) });
    (req as Request & { log?: Logger }).log = log;
    if (!pathOf(req.originalUrl).startsWith('/api/v1/health/')) {
      const started = Date.now();
      const ended = (error?: Error) => {
        res.off('finish', ended).off('close', ended).off('error', ended);
        const failed =
          error ??
          (res.statusCode >= 500
            ? new Error(`failed with status code ${res.statusCode}`)
            : undefined);
        log[levelOf(res.statusCode, error)](
          {
            req: { method: req.method, url: req.originalUrl },
            // As pino-http had it: no status for an answer that never started.
            res: { statusCode: res.headersSent ? res.statusCode : null },
            ...(failed ? { err: failed } : {}),
            responseTime: Date.now() - started,
            ...caller(req),
          },
          failed
            ? 'request errored'
            : !req.readableAborted && res.writableEnded
              ? 'request completed'
              : 'request aborted',
        );
      };
      res.on('finish', ended).on('close', ended).on('error', ended);
    }
    next();
  };
}

/** Nest's logger writes to the root logger, or to the request's while one is handled. */
export const loggingModule = (config: AppConfig) =>
  LoggerModule.forRoot({
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: { logger: rootLogger(config) },
    useExisting: true,
  });
