import helmet from 'helmet';
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import type { AppConfig } from '../config';

/**
 * Strict headers for every response: scripts and styles only from our own origin (no inline
 * script anywhere), nothing may frame us, no referrer leaves the platform.
 */
export function securityHeaders(config: AppConfig): RequestHandler {
  const overTls = config.PUBLIC_ORIGIN.startsWith('https://');
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        // Only our own scripts; WebAssembly compilation (libsodium) but never eval or inline code.
        scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
        // The API explorer's page (third-party HTML) carries inline <style> blocks; nothing else may.
        styleSrc: [
          "'self'",
          (req: IncomingMessage) => (isApiExplorer(req) ? "'unsafe-inline'" : "'self'"),
        ],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(overTls ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: overTls
      ? { maxAge: 63_072_000, includeSubDomains: true, preload: false }
      : false,
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    xFrameOptions: { action: 'deny' },
  });
}

const isApiExplorer = (req: IncomingMessage) => /^\/api\/docs\/?(\?|$)/.test(req.url ?? '');
