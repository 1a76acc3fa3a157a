import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyReply, FastifyRequest, preHandlerHookHandler } from 'fastify';
import { LoggerModule } from 'nestjs-pino';
import { storage, Store } from 'nestjs-pino/storage';
import { pino, type Logger } from 'pino';
import type { AppConfig } from '../config';
import { attachedPrincipal } from '../access';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** A caller's X-Request-Id is kept when well formed, so a trace crosses the proxy. */
export function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * First of the request hooks, so even requests refused before routing carry their id. Set on the
 * Node response, as are the security headers, so answers written there carry it too.
 */
export function sendRequestId(req: FastifyRequest, reply: FastifyReply, done: () => void): void {
  reply.raw.setHeader('X-Request-Id', req.id);
  done();
}

/** Paths only: query strings can carry one-time tokens. */
const pathOf = (url: string | undefined) => (url ?? '').split('?')[0];

/**
 * Who made the request, read when the response ends (the session guard has run by then): the
 * client address as `TRUST_PROXY` computes it, and the user and session ids, never the token.
 */
function caller(req: FastifyRequest) {
  const principal = attachedPrincipal(req);
  return {
    clientAddress: req.ip,
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
 * while it is handled (Nest's `Logger` finds it through nestjs-pino's store). A `preHandler` hook:
 * it takes on requests that passed the refusals before routing and whose body was read, as the
 * Express middleware it replaces did; those refused earlier are logged as `request refused`
 * (`sendProblem`). Added after the web app and the API explorer, whose answers it never logs.
 */
export function requestLogging(root: Logger): preHandlerHookHandler {
  return (req, reply, done) => {
    const log = root.child({ requestId: req.id });
    req.log = log;
    const path = pathOf(req.url);
    if (!path.startsWith('/api/v1/health/') && !path.startsWith('/api/docs')) {
      const { raw: res } = reply;
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
            req: { method: req.method, url: req.url },
            // As pino-http had it: no status for an answer that never started.
            res: { statusCode: res.headersSent ? res.statusCode : null },
            ...(failed ? { err: failed } : {}),
            responseTime: Date.now() - started,
            ...caller(req),
          },
          failed
            ? 'request errored'
            : !req.raw.readableAborted && res.writableEnded
              ? 'request completed'
              : 'request aborted',
        );
      };
      res.on('finish', ended).on('close', ended).on('error', ended);
    }
    // The handler, its guards and its filters run from here on, inside the request's store.
    storage.run(new Store(log), done);
  };
}

/** Nest's logger writes to the root logger, or to the request's while one is handled. */
export const loggingModule = (config: AppConfig) =>
  LoggerModule.forRoot({
    // The request's logger is bound by `requestLogging`, not by a Connect middleware.
    forRoutes: [],
    pinoHttp: { logger: rootLogger(config) },
    useExisting: true,
  });
