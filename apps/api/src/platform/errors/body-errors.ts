import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import typeIs from 'type-is';
import { problemType } from './problem';
import { sendProblem } from './problem.filter';

/** Body-parser failures (raised before Nest sees the request) as problem+json. */
export const bodyErrorHandler: ErrorRequestHandler = (err: unknown, req, res, next) => {
  const type = typeof err === 'object' && err !== null && 'type' in err ? String(err.type) : '';
  const known: Record<string, [number, string, string, string]> = {
    'entity.parse.failed': [
      400,
      'malformed-json',
      'Malformed JSON',
      'The request body is not valid JSON.',
    ],
    'entity.too.large': [
      413,
      'payload-too-large',
      'Payload too large',
      'The request body exceeds the size limit.',
    ],
    'encoding.unsupported': [
      415,
      'unsupported-media-type',
      'Unsupported encoding',
      'The request body encoding is not supported.',
    ],
    'charset.unsupported': [
      415,
      'unsupported-media-type',
      'Unsupported charset',
      'Only UTF-8 JSON bodies are accepted.',
    ],
    'request.aborted': [
      400,
      'bad-request',
      'Request aborted',
      'The request body was not received completely.',
    ],
  };
  const match = known[type] ?? decodingFailure(err, req);
  if (!match) return next(err);
  const [status, code, title, detail] = match;
  sendProblem(req, res, { type: problemType(code), title, status, detail });
};

/**
 * zlib and brotli failures reach us as a bare 400 with no type: a body that is not the gzip,
 * deflate or br data its Content-Encoding announces.
 */
function decodingFailure(err: unknown, req: Request): [number, string, string, string] | undefined {
  const encoding = req.headers['content-encoding'];
  const status = typeof err === 'object' && err !== null && 'status' in err ? err.status : 0;
  if (status !== 400 || !encoding || encoding === 'identity') return undefined;
  return [
    400,
    'malformed-body',
    'Undecodable body',
    `The request body is not valid ${encoding} data, as its Content-Encoding says it is.`,
  ];
}

/** Any request that carries a body must declare it as JSON. */
export const requireJsonBody: RequestHandler = (req, res, next) => {
  const length = req.headers['content-length'];
  const hasBody =
    req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
  if (hasBody && !typeIs(req, ['application/json', 'application/*+json'])) {
    sendProblem(req, res, {
      type: problemType('unsupported-media-type'),
      title: 'Unsupported media type',
      status: 415,
      detail: `Request bodies must be application/json, not ${req.headers['content-type'] ?? 'unspecified'}.`,
    });
    return;
  }
  next();
};
