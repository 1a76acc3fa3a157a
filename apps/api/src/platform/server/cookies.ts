import { serialize, type SerializeOptions } from 'cookie';
import type { FastifyReply } from 'fastify';

/** Adds a Set-Cookie header, spelled as Express's `res.cookie` spelled it (Max-Age in seconds). */
export function setCookie(
  reply: FastifyReply,
  name: string,
  value: string,
  options: SerializeOptions,
): void {
  const { maxAge } = options;
  reply.header(
    'Set-Cookie',
    serialize(
      name,
      value,
      maxAge === undefined
        ? options
        : { ...options, maxAge: Math.floor(maxAge / 1000), expires: new Date(Date.now() + maxAge) },
    ),
  );
}

/** Tells the browser to drop the cookie: empty, and expired since the epoch. */
export function clearCookie(reply: FastifyReply, name: string, options: SerializeOptions): void {
  setCookie(reply, name, '', { ...options, maxAge: undefined, expires: new Date(1) });
}
