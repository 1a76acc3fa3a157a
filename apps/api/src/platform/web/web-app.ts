import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import express, { type RequestHandler, type Router } from 'express';

/**
 * Serves the built web app: hashed assets cached for a year, everything else revalidated, and
 * any non-API page path answered with index.html so client-side routes survive a reload.
 * Source maps (built beside the bundles, for the operator) are served only with `sourceMaps`.
 * Returns undefined when the web app has not been built.
 */
export function webAppRouter(
  webDist: string,
  { sourceMaps }: { sourceMaps: boolean },
): Router | undefined {
  const root = resolve(webDist);
  const indexHtml = join(root, 'index.html');
  if (!existsSync(indexHtml)) return undefined;

  const router = express.Router();
  // API paths never touch the file system.
  router.use((req, _res, next) => next(req.path.startsWith('/api/') ? 'router' : undefined));
  if (!sourceMaps)
    router.use((req, _res, next) => next(req.path.endsWith('.map') ? 'router' : undefined));
  router.use(
    express.static(root, {
      index: false,
      fallthrough: true,
      setHeaders: (res, path) => {
        res.setHeader(
          'Cache-Control',
          path.startsWith(join(root, 'assets'))
            ? 'public, max-age=31536000, immutable'
            : 'no-cache',
        );
      },
    }),
  );
  const spaFallback: RequestHandler = (req, res, next) => {
    const isPage = (req.method === 'GET' || req.method === 'HEAD') && !req.path.startsWith('/api');
    if (!isPage || !req.accepts('html') || /\.[a-z0-9]+$/i.test(req.path)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexHtml);
  };
  router.use(spaFallback);
  return router;
}
