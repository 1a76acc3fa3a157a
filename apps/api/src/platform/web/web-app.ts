import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import send from '@fastify/send';
import type { FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';

const ASSETS_CACHE = 'public, max-age=31536000, immutable';

/** Whether the client takes HTML, as `req.accepts('html')` decided: no Accept header takes all. */
function acceptsHtml(accept: string | undefined): boolean {
  if (accept === undefined) return true;
  return accept.split(',').some((range) => {
    const [type, ...params] = range.split(';').map((part) => part.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    return ['text/html', 'text/*', '*/*'].includes(type) && (!q || Number(q.slice(2)) > 0);
  });
}

/**
 * Serves the built web app: hashed assets cached for a year, everything else revalidated, and
 * any non-API page path answered with index.html so client-side routes survive a reload.
 * Source maps (built beside the bundles, for the operator) are served only with `sourceMaps`.
 * A request hook, ahead of routing as the Express static middleware was: a path it does not
 * answer goes on to the API and its 404. Returns undefined when the web app has not been built.
 */
export function webApp(
  webDist: string,
  { sourceMaps }: { sourceMaps: boolean },
): onRequestHookHandler | undefined {
  const root = resolve(webDist);
  if (!existsSync(join(root, 'index.html'))) return undefined;
  const assets = join(root, 'assets');

  const serve = async (req: FastifyRequest, reply: FastifyReply, path: string, cache?: string) => {
    const file = await send(req.raw, path, { root, index: false, cacheControl: false });
    if (file.type === 'error' && file.statusCode >= 500) throw file.metadata.error;
    // Missing, hidden or refused paths and folders fall through, as express.static's did.
    if (file.type !== 'file') return false;
    const cacheControl =
      cache ?? (file.metadata.path.startsWith(assets) ? ASSETS_CACHE : 'no-cache');
    void reply
      .code(file.statusCode)
      .headers({ ...file.headers, 'cache-control': cacheControl })
      .send(file.stream);
    return true;
  };

  return async (req, reply) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return;
    const path = req.url.split('?')[0];
    // API paths never touch the file system.
    if (path.startsWith('/api/') || (!sourceMaps && path.endsWith('.map'))) return;
    if (await serve(req, reply, path)) return reply;
    const isPage = !path.startsWith('/api') && !/\.[a-z0-9]+$/i.test(path);
    if (
      isPage &&
      acceptsHtml(req.headers.accept) &&
      (await serve(req, reply, '/index.html', 'no-cache'))
    )
      return reply;
  };
}
