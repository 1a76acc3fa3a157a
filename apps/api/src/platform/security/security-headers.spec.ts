import { get } from 'node:http';
import request from 'supertest';
import { PERMISSIONS_POLICY } from './security-headers';

/** Header names as they went on the wire; HTTP clients lower-case them. */
const spelledHeaders = (url: string) =>
  new Promise<Set<string>>((resolve, reject) => {
    get(url, (res) => {
      res.resume();
      resolve(new Set(res.rawHeaders.filter((_, i) => i % 2 === 0)));
    }).on('error', reject);
  });
import { startTestApp, type TestApp } from '../../../test/app.harness';

describe('security headers', () => {
  let plain: TestApp;
  let tls: TestApp;
  beforeAll(async () => {
    plain = await startTestApp();
    tls = await startTestApp({ PUBLIC_ORIGIN: 'https://coop.example.org' });
  });
  afterAll(async () => {
    await plain.close();
    await tls.close();
  });

  it('sends a strict CSP with no inline script and no framing', async () => {
    const res = await request(plain.url).get('/api/v1/health/live');
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    const scriptSrc = csp.split(';').find((d: string) => d.trim().startsWith('script-src')) ?? '';
    expect(scriptSrc.trim().split(/\s+/)).toEqual(['script-src', "'self'", "'wasm-unsafe-eval'"]);
    expect(csp).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('sends HSTS only when the public origin is HTTPS', async () => {
    expect(
      (await request(plain.url).get('/api/v1/health/live')).headers['strict-transport-security'],
    ).toBeUndefined();
    const res = await request(tls.url).get('/api/v1/health/live');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d{8}; includeSubDomains/);
  });

  it('denies camera, microphone, location, payment and USB, and allows passkeys for our origin only', async () => {
    for (const path of ['/api/v1/health/live', '/api/v1/no-such-route', '/sign-in']) {
      const policy = (await request(plain.url).get(path)).headers['permissions-policy'] ?? '';
      const rules = new Map(
        policy.split(',').map((rule: string) => rule.trim().split('=') as [string, string]),
      );
      for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'serial'])
        expect({ path, feature, allow: rules.get(feature) }).toEqual({
          path,
          feature,
          allow: '()',
        });
      expect(rules.get('publickey-credentials-get')).toBe('(self)');
      expect(rules.get('publickey-credentials-create')).toBe('(self)');
    }
  });

  it('serves no explorer when API_EXPLORER is false, and the document still', async () => {
    const off = await startTestApp({ API_EXPLORER: 'false' });
    try {
      expect((await request(off.url).get('/api/docs')).status).toBe(404);
      expect((await request(off.url).get('/api/docs/openapi.json')).status).toBe(200);
    } finally {
      await off.close();
    }
  });

  it('sends every header helmet sets, spelled and valued as helmet sets them, on each kind of answer', async () => {
    const names = [
      'Content-Security-Policy',
      'Cross-Origin-Opener-Policy',
      'Cross-Origin-Resource-Policy',
      'Origin-Agent-Cluster',
      'Referrer-Policy',
      'Strict-Transport-Security',
      'X-Content-Type-Options',
      'X-DNS-Prefetch-Control',
      'X-Download-Options',
      'X-Frame-Options',
      'X-Permitted-Cross-Domain-Policies',
      'X-XSS-Protection',
      'Permissions-Policy',
    ];
    for (const path of ['/api/v1/health/live', '/api/v1/no-such-route', '/api/docs', '/sign-in']) {
      const res = await request(tls.url).get(path);
      const sent = await spelledHeaders(`${tls.url}${path}`);
      for (const name of names) expect([path, sent.has(name)]).toEqual([path, true]);
      expect(res.headers['permissions-policy']).toBe(PERMISSIONS_POLICY);
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(res.headers['x-xss-protection']).toBe('0');
    }
  });

  it('relaxes inline styles for the API explorer page only', async () => {
    const docs = await request(plain.url).get('/api/docs');
    expect(docs.headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
    expect(docs.headers['content-security-policy']).toContain(
      "script-src 'self' 'wasm-unsafe-eval';",
    );
    const json = await request(plain.url).get('/api/docs/openapi.json');
    expect(json.headers['content-security-policy']).not.toContain('unsafe-inline');
  });
});
