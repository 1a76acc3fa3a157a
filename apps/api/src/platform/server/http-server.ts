import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyServerOptions } from 'fastify';
import { ConfigError, type AppConfig } from '../config';
import { requestId } from '../logging';

type Tls = { cert: Buffer; key: Buffer };

const UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 * 1024 };

/** BODY_LIMIT ("512kb", "1mb") in bytes, counted as the JSON body parser counted it. */
export function bodyLimitBytes(limit: string): number {
  const [, amount, unit] = /^(\d+)(b|kb|mb)$/i.exec(limit) ?? [];
  if (!amount) throw new ConfigError([`BODY_LIMIT: cannot read ${limit}`]);
  return Number(amount) * UNITS[unit.toLowerCase()];
}

/**
 * Fastify on a Node server whose limits are chosen rather than inherited: by default Node lets a
 * client trickle one request for 300 s, holding a connection the whole time.
 */
export function serverAdapter(
  config: AppConfig,
  tls: Tls | undefined,
  /** Answers a request Fastify cannot route (a path that does not decode), before any hook. */
  unroutable: NonNullable<FastifyServerOptions['frameworkErrors']>,
): FastifyAdapter {
  const limits: http.ServerOptions = {
    requestTimeout: config.REQUEST_TIMEOUT_MS,
    headersTimeout: config.HEADERS_TIMEOUT_MS,
    keepAliveTimeout: config.KEEP_ALIVE_TIMEOUT_MS,
    // Node enforces the two limits above only when it sweeps its connections (every 30 s by default).
    connectionsCheckingInterval: Math.min(1_000, config.HEADERS_TIMEOUT_MS / 2),
  };
  return new FastifyAdapter({
    serverFactory: (handler: http.RequestListener) =>
      tls ? https.createServer({ ...limits, ...tls }, handler) : http.createServer(limits, handler),
    trustProxy: config.TRUST_PROXY,
    bodyLimit: bodyLimitBytes(config.BODY_LIMIT),
    genReqId: requestId,
    frameworkErrors: unroutable,
    // As Express routed: /api/v1/me/ is /api/v1/me.
    routerOptions: { ignoreTrailingSlash: true },
    // The request log and the Nest logger (platform/logging) write every line.
    logger: false,
    // Nothing is mounted as Connect middleware: each step is a Fastify hook.
    skipMiddie: true,
  });
}

/** The certificate and key named by TLS_CERT_FILE and TLS_KEY_FILE, or undefined for plain HTTP. */
export function tlsOptions(config: AppConfig): Tls | undefined {
  if (!config.TLS_CERT_FILE || !config.TLS_KEY_FILE) return undefined;
  const read = (name: 'TLS_CERT_FILE' | 'TLS_KEY_FILE', path: string) => {
    try {
      return readFileSync(path);
    } catch (error) {
      throw new ConfigError([`${name}: cannot read ${path} (${(error as Error).message})`]);
    }
  };
  return {
    cert: read('TLS_CERT_FILE', config.TLS_CERT_FILE),
    key: read('TLS_KEY_FILE', config.TLS_KEY_FILE),
  };
}
