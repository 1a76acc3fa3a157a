import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ZodValidationException } from 'nestjs-zod';
import { ZodError } from 'zod';
import { fieldIssues } from '@coop/contracts';
import {
  AppError,
  PROBLEM_CONTENT_TYPE,
  problemType,
  validationError,
  type Problem,
} from './problem';

const STATUS_CODES: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  429: 'too-many-requests',
  503: 'unavailable',
};

/** Maps every error to problem+json; anything unexpected becomes a 500 without internals. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const problem = this.toProblem(exception);
    if (problem.status >= 500 && !(exception instanceof AppError)) {
      this.logger.error({ err: exception }, 'unhandled error');
    }
    sendProblem(req, res, problem);
  }

  private toProblem(exception: unknown): Problem {
    if (exception instanceof ZodValidationException) {
      return fromAppError(validationError(fieldIssues(exception.getZodError() as ZodError)));
    }
    if (exception instanceof AppError) return fromAppError(exception);
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const message =
        typeof body === 'object' && body !== null && 'message' in body
          ? String((body as { message: unknown }).message)
          : exception.message;
      return {
        type: problemType(STATUS_CODES[status] ?? 'http-error'),
        title: exception.name.replace(/Exception$/, '').replace(/([a-z])([A-Z])/g, '$1 $2'),
        status,
        detail: message,
      };
    }
    return {
      type: problemType('internal'),
      title: 'Internal error',
      status: 500,
      detail: 'An unexpected error occurred. Quote the request id when reporting it.',
    };
  }
}

function fromAppError(error: AppError): Problem {
  return {
    ...error.extensions,
    type: problemType(error.code),
    title: error.title,
    status: error.status,
    detail: error.detail,
  };
}

/** Where requests refused before the request logger ran (CSRF, media type, body) are logged. */
export const EARLY_LOG = 'coop.early-log';
/** The Nest logger: its last argument is a context, so the message goes before it. */
type EarlyLog = { warn(obj: object, msg: string, context: string): void };

export function sendProblem(req: Request, res: Response, problem: Problem): void {
  if (res.headersSent) return;
  const { id, log } = req as Request & { id?: unknown; log?: unknown };
  const requestId = typeof id === 'string' ? id : undefined;
  if (!log) {
    (req.app.get(EARLY_LOG) as EarlyLog | undefined)?.warn(
      {
        requestId,
        // Shaped as the request logger's serializers read them (they keep the path only).
        req: { method: req.method, url: req.originalUrl },
        res: { statusCode: problem.status },
        problem: problem.type,
        clientAddress: req.ip,
      },
      'request refused',
      'Http',
    );
  }
  res
    .status(problem.status)
    .type(PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify({ ...problem, instance: req.originalUrl.split('?')[0], requestId }));
}
