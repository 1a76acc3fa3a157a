import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';
import { loadConfig } from '@coop/config';
import { startTestApp, type TestApp } from '../../../test/app.harness';

x509.cryptoProvider.set(webcrypto);

interface Closed {
  /** What the server sent before closing the connection. */
  answer: string;
  afterMs: number;
}

/** Opens a raw connection, drips `chunks` one every `everyMs`, and waits for the server to close it. */
function trickle(
  url: string,
  chunks: string[],
  everyMs: number,
  giveUpMs: number,
): Promise<Closed> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket: Socket = connect(Number(port), hostname);
    let answer = '';
    let next = 0;
    const drip = setInterval(() => {
      if (next < chunks.length && !socket.destroyed) socket.write(chunks[next++]);
    }, everyMs);
    const giveUp = setTimeout(() => {
      socket.destroy();
      reject(new Error(`still open after ${giveUpMs} ms; received ${JSON.stringify(answer)}`));
    }, giveUpMs);
    socket.on('data', (data) => (answer += data.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(drip);
      clearTimeout(giveUp);
      resolve({ answer, afterMs: Date.now() - started });
    });
  });
}

const headers = (length: number) =>
  'POST /api/v1/auth/sign-in/options HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
  `Content-Type: application/json\r\nX-Coop-Csrf: 1\r\nContent-Length: ${length}\r\n\r\n`;

describe('the HTTP server', () => {
  describe('with a 2-second request limit', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({
        REQUEST_TIMEOUT_MS: '2000',
        HEADERS_TIMEOUT_MS: '1000',
        KEEP_ALIVE_TIMEOUT_MS: '1000',
      });
    });
    afterAll(() => t.close());

    it('answers 408 and closes the connection of a body trickled a byte at a time', async () => {
      const body = '{"a":"' + 'x'.repeat(200) + '"}';
      const closed = await trickle(t.url, [headers(body.length), ...body], 100, 6_000);
      expect(closed.answer).toMatch(/^HTTP\/1\.1 408 /);
      expect(closed.afterMs).toBeGreaterThanOrEqual(1_900);
      expect(closed.afterMs).toBeLessThan(4_000);
    });

    it('closes a connection whose headers are trickled', async () => {
      const closed = await trickle(t.url, [...headers(2)], 100, 6_000);
      expect(closed.answer).toMatch(/^HTTP\/1\.1 408 /);
      expect(closed.afterMs).toBeLessThan(3_000);
    });

    it('closes an idle keep-alive connection', async () => {
      const closed = await trickle(t.url, [headers(2) + '{}'], 10, 6_000);
      expect(closed.answer).toMatch(/^HTTP\/1\.1 200 /);
      expect(closed.afterMs).toBeLessThan(3_000);
    });
  });

  it('keeps requests to 30 s and headers to 10 s unless configured', async () => {
    expect(loadConfig({})).toMatchObject({
      REQUEST_TIMEOUT_MS: 30_000,
      HEADERS_TIMEOUT_MS: 10_000,
      KEEP_ALIVE_TIMEOUT_MS: 5_000,
    });
    expect(() => loadConfig({ REQUEST_TIMEOUT_MS: '5000', HEADERS_TIMEOUT_MS: '9000' })).toThrow(
      /HEADERS_TIMEOUT_MS/,
    );
    const t = await startTestApp();
    try {
      const server = t.app.getHttpServer() as Server;
      expect([server.requestTimeout, server.headersTimeout, server.keepAliveTimeout]).toEqual([
        30_000, 10_000, 5_000,
      ]);
    } finally {
      await t.close();
    }
  });

  describe('with TLS_CERT_FILE and TLS_KEY_FILE', () => {
    const dir = mkdtempSync(join(tmpdir(), 'coop-tls-'));
    let t: TestApp;
    let certPem: string;
    beforeAll(async () => {
      const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
      const keys = await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
      const cert = await x509.X509CertificateGenerator.createSelfSigned({
        name: 'CN=api',
        keys,
        signingAlgorithm: algorithm,
        notBefore: new Date(Date.now() - 60_000),
        notAfter: new Date(Date.now() + 3_600_000),
        extensions: [
          new x509.SubjectAlternativeNameExtension([
            { type: 'dns', value: 'localhost' },
            { type: 'ip', value: '127.0.0.1' },
          ]),
        ],
      });
      certPem = cert.toString('pem');
      const key = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
      writeFileSync(join(dir, 'cert.pem'), certPem);
      writeFileSync(
        join(dir, 'key.pem'),
        `-----BEGIN PRIVATE KEY-----\n${key.toString('base64')}\n-----END PRIVATE KEY-----\n`,
        { mode: 0o600 },
      );
      t = await startTestApp({
        TLS_CERT_FILE: join(dir, 'cert.pem'),
        TLS_KEY_FILE: join(dir, 'key.pem'),
      });
    });
    afterAll(async () => {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('serves HTTPS with that certificate, verified against it as the only CA', async () => {
      expect(t.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const status = await new Promise<number | undefined>((resolve, reject) => {
        httpsRequest(`${t.url}/api/v1/health/live`, { ca: certPem }, (res) => {
          res.resume();
          resolve(res.statusCode);
        })
          .on('error', reject)
          .end();
      });
      expect(status).toBe(200);
    });

    it('speaks no plain HTTP on that port', async () => {
      await expect(
        fetch(t.url.replace('https:', 'http:') + '/api/v1/health/live'),
      ).rejects.toThrow();
    });

    it('refuses to start with one of the two files only, or one it cannot read', () => {
      expect(() => loadConfig({ TLS_CERT_FILE: join(dir, 'cert.pem') })).toThrow(/TLS_CERT_FILE/);
      return expect(
        startTestApp({
          TLS_CERT_FILE: join(dir, 'missing.pem'),
          TLS_KEY_FILE: join(dir, 'key.pem'),
        }),
      ).rejects.toThrow(/TLS_CERT_FILE: cannot read/);
    });
  });
});
