import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Express's weak ETag of a body: its length in hex and the start of its SHA-1. */
const weakTag = (body: string | Buffer) =>
  `W/"${Buffer.byteLength(body).toString(16)}-${createHash('sha1').update(body).digest('base64').slice(0, 27)}"`;

const strip = (tag: string) => tag.trim().replace(/^W\//, '');

/** Whether the client already holds this answer, as Express's `req.fresh` decided. */
function fresh(req: FastifyRequest, reply: FastifyReply, tag: string): boolean {
  const given = req.headers['if-none-match'];
  if (!given || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
  const status = reply.statusCode;
  if ((status < 200 || status >= 300) && status !== 304) return false;
  if (/(?:^|,)\s*no-cache\s*(?:,|$)/.test(req.headers['cache-control'] ?? '')) return false;
  return given.trim() === '*' || given.split(',').some((t) => strip(t) === strip(tag));
}

/**
 * Every body sent whole carries an ETag, and a GET that names it is answered 304, as Express
 * did for each `res.send`; streamed bodies (files, exports) carry their own or none.
 */
export function entityTags(fastify: FastifyInstance): void {
  fastify.addHook('onSend', (req, reply, payload, done) => {
    if ((typeof payload !== 'string' && !Buffer.isBuffer(payload)) || reply.hasHeader('etag'))
      return done(null, payload);
    const tag = weakTag(payload);
    void reply.header('ETag', tag);
    if (!fresh(req, reply, tag)) return done(null, payload);
    void reply.code(304).removeHeader('content-type').removeHeader('content-length');
    done(null, '');
  });
}
