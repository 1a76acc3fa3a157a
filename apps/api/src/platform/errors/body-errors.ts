import { PassThrough, type Readable } from 'node:stream';
import { TextDecoder } from 'node:util';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import typeIs from 'type-is';
import { badRequest, unsupportedMediaType } from './platform.errors';
import { AppError } from './problem';

/** A body refused while it was read, named by the `type` body-parser gave the same failure. */
class BodyError extends Error {
  constructor(
    readonly type: string,
    readonly statusCode: number,
  ) {
    super(type);
  }
}

const BODY_ERRORS: Record<string, () => AppError> = {
  'entity.parse.failed': () =>
    new AppError('malformed-json', 'The request body is not valid JSON.'),
  'entity.too.large': () =>
    new AppError('payload-too-large', 'The request body exceeds the size limit.'),
  'encoding.unsupported': () => unsupportedMediaType('The request body encoding is not supported.'),
  'charset.unsupported': () => unsupportedMediaType('Only UTF-8 JSON bodies are accepted.'),
  'request.aborted': () => badRequest('The request body was not received completely.'),
};

/** Fastify's own errors while reading a body, as the failures above. */
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'entity.too.large',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'request.aborted',
};

/** The refusal of a body that could not be read or parsed; undefined for any other error. */
export function bodyError(err: unknown, req: FastifyRequest): AppError | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const type =
    err instanceof BodyError
      ? err.type
      : 'code' in err && typeof err.code === 'string'
        ? FASTIFY_CODES[err.code]
        : undefined;
  return (type ? BODY_ERRORS[type]?.() : undefined) ?? decodingFailure(err, req);
}

/**
 * zlib and brotli failures reach us as a bare 400 with no type: a body that is not the gzip,
 * deflate or br data its Content-Encoding announces.
 */
function decodingFailure(err: object, req: FastifyRequest): AppError | undefined {
  const encoding = req.headers['content-encoding'];
  const status = 'statusCode' in err ? err.statusCode : 0;
  if (status !== 400 || !encoding || encoding === 'identity') return undefined;
  return new AppError(
    'malformed-body',
    `The request body is not valid ${encoding} data, as its Content-Encoding says it is.`,
  );
}

/** Any request that carries a body must declare it as JSON: the refusal of one that does not. */
export function unsupportedBody(req: FastifyRequest): AppError | undefined {
  const length = req.headers['content-length'];
  const hasBody =
    req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
  if (!hasBody || typeIs(req.raw, ['application/json', 'application/*+json'])) return undefined;
  const type = req.headers['content-type'] ?? 'unspecified';
  return unsupportedMediaType(`Request bodies must be application/json, not ${type}.`);
}

const DECODERS: Record<string, () => NodeJS.ReadWriteStream> = {
  gzip: createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

/**
 * Decodes a gzip, deflate or br body as it arrives; BODY_LIMIT then counts the decoded bytes,
 * so a small body that inflates to gigabytes is refused once it passes the limit.
 */
const decodeBody = (
  req: FastifyRequest,
  _reply: FastifyReply,
  payload: Readable,
  done: (err: Error | null, stream?: Readable) => void,
): void => {
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding === 'identity') return done(null, payload);
  const decoder = DECODERS[encoding];
  if (!decoder) return done(new BodyError('encoding.unsupported', 415));
  const decoded = Object.assign(new PassThrough(), { receivedEncodedLength: 0 });
  payload.on('data', (chunk: Buffer) => (decoded.receivedEncodedLength += chunk.length));
  const inflating = decoder();
  payload.on('error', (error) => decoded.destroy(error));
  inflating.on('error', (error) => decoded.destroy(error));
  payload.pipe(inflating).pipe(decoded);
  done(null, decoded);
};

/**
 * JSON as Express's body parser read it: objects and arrays only, an empty body as `{}`, any
 * UTF charset; `__proto__` is an ordinary key here (the schemas refuse unknown keys).
 */
function parseJson(req: FastifyRequest, body: Buffer): unknown {
  const charset =
    /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(req.headers['content-type'] ?? '')?.[1]?.toLowerCase() ??
    'utf-8';
  let decoder: TextDecoder;
  try {
    if (!charset.startsWith('utf-')) throw new RangeError(charset);
    decoder = new TextDecoder(charset);
  } catch {
    throw new BodyError('charset.unsupported', 415);
  }
  const text = decoder.decode(body);
  if (text.length === 0) return {};
  const first = /^[ \t\n\r]*(.)/s.exec(text)?.[1];
  if (first !== '{' && first !== '[') throw new BodyError('entity.parse.failed', 400);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BodyError('entity.parse.failed', 400);
  }
}

/** The only bodies the API reads: JSON (refusals of others come first, in `requireJsonBody`). */
export function readJsonBodies(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  fastify.addHook('preParsing', decodeBody);
  const parser = (
    req: FastifyRequest,
    body: string | Buffer,
    done: (err: Error | null, body?: unknown) => void,
  ) => {
    try {
      done(null, parseJson(req, body as Buffer));
    } catch (error) {
      done(error as Error, undefined);
    }
  };
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, parser);
  fastify.addContentTypeParser(/^application\/[^;\s]+\+json/, { parseAs: 'buffer' }, parser);
}
