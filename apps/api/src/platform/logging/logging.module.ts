import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import type { Request, RequestHandler } from 'express';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from '../config';
import type { Principal } from '../principal';

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

type WithPrincipal = Request & { user?: Partial<Principal> };

/**
 * Who made the request, read when the response ends (the session guard has run by then): the
 * client address as `TRUST_PROXY` computes it, and the user and session ids, never the token.
 */
function caller(req: IncomingMessage) {
  const { ip, user } = req as WithPrincipal;
  const id = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return { clientAddress: ip, userId: id(user?.userId), sessionId: id(user?.sessionId) };
}

/**
 * JSON logs with the request id on every line, and who made each request by ids only; no bodies,
 * headers, tokens or personal data.
 */
export const loggingModule = (config: AppConfig) =>
  LoggerModule.forRoot({
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level: config.LOG_LEVEL,
      genReqId: requestId,
      quietReqLogger: true,
      customAttributeKeys: { reqId: 'requestId' },
      serializers: {
        req: (req: { method: string; url: string }) => ({
          method: req.method,
          path: pathOf(req.url),
        }),
        res: (res: { statusCode: number }) => ({ status: res.statusCode }),
      },
      redact: { paths: ['req.headers', 'res.headers'], remove: true },
      customSuccessObject: (req, _res, line: object) => ({ ...line, ...caller(req) }),
      customErrorObject: (req, _res, _err, line: object) => ({ ...line, ...caller(req) }),
      autoLogging: { ignore: (req) => pathOf(req.url).startsWith('/api/v1/health/') },
      customLogLevel: (_req, res, err) =>
        err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    },
  });
