import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import typeIs from 'type-is';
import { badRequest, unsupportedMediaType } from './platform.errors';
import { AppError } from './problem';
import { sendProblem } from './problem.filter';

const BODY_ERRORS: Record<string, () => AppError> = {
  'entity.parse.failed': () =>
    new AppError('malformed-json', 'The request body is not valid JSON.'),
  'entity.too.large': () =>
    new AppError('payload-too-large', 'The request body exceeds the size limit.'),
  'encoding.unsupported': () => unsupportedMediaType('The request body encoding is not supported.'),
  'charset.unsupported': () => unsupportedMediaType('Only UTF-8 JSON bodies are accepted.'),
  'request.aborted': () => badRequest('The request body was not received completely.'),
};

/** Body-parser failures (raised before Nest sees the request) as problem+json. */
export const bodyErrorHandler: ErrorRequestHandler = (err: unknown, req, res, next) => {
  const type = typeof err === 'object' && err !== null && 'type' in err ? String(err.type) : '';
  const error = BODY_ERRORS[type]?.() ?? decodingFailure(err, req);
  if (!error) return next(err);
  sendProblem(req, res, error.toProblem());
};

/**
 * zlib and brotli failures reach us as a bare 400 with no type: a body that is not the gzip,
 * deflate or br data its Content-Encoding announces.
 */
function decodingFailure(err: unknown, req: Request): AppError | undefined {
  const encoding = req.headers['content-encoding'];
  const status = typeof err === 'object' && err !== null && 'status' in err ? err.status : 0;
  if (status !== 400 || !encoding || encoding === 'identity') return undefined;
  return new AppError(
    'malformed-body',
    `The request body is not valid ${encoding} data, as its Content-Encoding says it is.`,
  );
}

/** Any request that carries a body must declare it as JSON. */
export const requireJsonBody: RequestHandler = (req, res, next) => {
  const length = req.headers['content-length'];
  const hasBody =
    req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
  if (hasBody && !typeIs(req, ['application/json', 'application/*+json'])) {
    const type = req.headers['content-type'] ?? 'unspecified';
    sendProblem(
      req,
      res,
      unsupportedMediaType(`Request bodies must be application/json, not ${type}.`).toProblem(),
    );
    return;
  }
  next();
};
