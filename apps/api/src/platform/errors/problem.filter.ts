import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ZodValidationException } from 'nestjs-zod';
import { ZodError } from 'zod';
import { fieldIssues, type ErrorCode } from '@coop/contracts';
import { internalError } from './platform.errors';
import { AppError, PROBLEM_CONTENT_TYPE, validationError, type Problem } from './problem';
import { bodyError } from './body-errors';

/** The statuses Nest and Fastify raise themselves (an unknown route's 404, say). */
const HTTP_EXCEPTION_CODES: Partial<Record<number, ErrorCode>> = {
  400: 'bad-request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  429: 'too-many-requests',
};

/**
 * Maps every error to problem+json with a code of the contracts' table; anything else, an HTTP
 * exception of a status we never answer with included, becomes a 500 without internals.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<FastifyRequest>();
    const res = http.getResponse<FastifyReply>();
    // A body that could not be read is refused before the request logger takes the request on.
    const refusedBody = bodyError(exception, req);
    if (refusedBody) return sendProblem(req, res, refusedBody.toProblem(), true);
    const error = toAppError(exception);
    if (error.code === 'internal') this.logger.error({ err: exception }, 'unhandled error');
    sendProblem(req, res, error.toProblem(), false);
  }
}

function toAppError(exception: unknown): AppError {
  if (exception instanceof ZodValidationException) {
    return validationError(fieldIssues(exception.getZodError() as ZodError));
  }
  if (exception instanceof AppError) return exception;
  if (exception instanceof HttpException) {
    const code = HTTP_EXCEPTION_CODES[exception.getStatus()];
    if (!code) return internalError();
    const body = exception.getResponse();
    const message =
      typeof body === 'object' && body !== null && 'message' in body
        ? String((body as { message: unknown }).message)
        : exception.message;
    return new AppError(code, message);
  }
  return internalError();
}

/**
 * The Fastify decoration naming where requests refused before the request logger took them on
 * (CSRF, media type, body) are logged.
 */
export const EARLY_LOG = 'coopEarlyLog';
/** The Nest logger: its last argument is a context, so the message goes before it. */
type EarlyLog = { warn(obj: object, msg: string, context: string): void };

/** Answers with the problem; `early` when the request logger has not taken the request on. */
export function sendProblem(
  req: FastifyRequest,
  reply: FastifyReply,
  problem: Problem,
  early: boolean,
): void {
  if (reply.sent || reply.raw.headersSent) return;
  if (early) {
    (req.server as { [EARLY_LOG]?: EarlyLog })[EARLY_LOG]?.warn(
      {
        requestId: req.id,
        // Shaped as the request logger's serializers read them (they keep the path only).
        req: { method: req.method, url: req.url },
        res: { statusCode: problem.status },
        problem: problem.type,
        clientAddress: req.ip,
      },
      'request refused',
      'Http',
    );
  }
  void reply
    .code(problem.status)
    .type(`${PROBLEM_CONTENT_TYPE}; charset=utf-8`)
    .send(JSON.stringify({ ...problem, instance: req.url.split('?')[0], requestId: req.id }));
}
