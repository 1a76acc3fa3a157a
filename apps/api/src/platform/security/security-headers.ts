import helmet from 'helmet';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import type { onRequestHookHandler } from 'fastify';
import type { AppConfig } from '../config';

type Headers = readonly (readonly [string, string])[];
type NodeMiddleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/**
 * The headers a middleware sets on a response to `url`, found once at boot: helmet's answer depends
 * only on the path (explorer or not), so each request copies a list instead of running helmet.
 */
function headersSetBy(middleware: NodeMiddleware, url: string): Headers {
  const req = new IncomingMessage(new Socket());
  req.url = url;
  const res = new ServerResponse(req);
  const spelled = new Map<string, string>();
  const setHeader = res.setHeader.bind(res);
  res.setHeader = (name, value) => (spelled.set(name.toLowerCase(), name), setHeader(name, value));
  let done = false;
  middleware(req, res, () => (done = true));
  if (!done) throw new Error('the security header middleware did not finish synchronously');
  return res
    .getHeaderNames()
    .map((name) => [spelled.get(name) ?? name, String(res.getHeader(name))] as const);
}

/**
 * Strict headers for every response: scripts and styles only from our own origin (no inline
 * script anywhere), nothing may frame us, no referrer leaves the platform.
 */
export function securityHeaders(config: AppConfig): onRequestHookHandler {
  const overTls = config.PUBLIC_ORIGIN.startsWith('https://');
  const helmetHeaders = helmet({
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
  const withPolicy = (url: string): Headers => [
    ['Permissions-Policy', PERMISSIONS_POLICY],
    ...headersSetBy(helmetHeaders, url),
  ];
  const everywhere = withPolicy('/');
  const explorer = withPolicy('/api/docs');
  // On the Node response, spelled as helmet spells them (Fastify's own headers are lower-cased).
  return (req, reply, done) => {
    for (const [name, value] of isApiExplorer(req.raw) ? explorer : everywhere)
      reply.raw.setHeader(name, value);
    done();
  };
}

/**
 * Passkeys are the one powerful feature the platform asks for (clipboard writes need no policy);
 * these others are denied to every document, our own included, so injected code cannot use them.
 */
export const PERMISSIONS_POLICY = [
  'publickey-credentials-create=(self)',
  'publickey-credentials-get=(self)',
  ...[
    'accelerometer',
    'autoplay',
    'camera',
    'display-capture',
    'encrypted-media',
    'fullscreen',
    'geolocation',
    'gyroscope',
    'hid',
    'idle-detection',
    'magnetometer',
    'microphone',
    'midi',
    'payment',
    'picture-in-picture',
    'screen-wake-lock',
    'serial',
    'usb',
    'xr-spatial-tracking',
  ].map((feature) => `${feature}=()`),
].join(', ');

const isApiExplorer = (req: IncomingMessage) => /^\/api\/docs\/?(\?|$)/.test(req.url ?? '');
