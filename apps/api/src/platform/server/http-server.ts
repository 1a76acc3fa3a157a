import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { NestApplicationOptions } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';
import { ConfigError, type AppConfig } from '../config';

/**
 * Express on a Node server whose limits are chosen rather than inherited: by default Node lets a
 * client trickle one request for 300 s, holding a connection the whole time.
 */
class TimedExpressAdapter extends ExpressAdapter {
  constructor(private readonly limits: http.ServerOptions) {
    super();
  }

  override initHttpServer(options: NestApplicationOptions): void {
    this.httpServer = options.httpsOptions
      ? https.createServer({ ...this.limits, ...options.httpsOptions }, this.getInstance())
      : http.createServer(this.limits, this.getInstance());
  }
}

export function serverAdapter(config: AppConfig): ExpressAdapter {
  return new TimedExpressAdapter({
    requestTimeout: config.REQUEST_TIMEOUT_MS,
    headersTimeout: config.HEADERS_TIMEOUT_MS,
    keepAliveTimeout: config.KEEP_ALIVE_TIMEOUT_MS,
    // Node enforces the two limits above only when it sweeps its connections (every 30 s by default).
    connectionsCheckingInterval: Math.min(1_000, config.HEADERS_TIMEOUT_MS / 2),
  });
}

/** The certificate and key named by TLS_CERT_FILE and TLS_KEY_FILE, or undefined for plain HTTP. */
export function tlsOptions(config: AppConfig): { cert: Buffer; key: Buffer } | undefined {
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
