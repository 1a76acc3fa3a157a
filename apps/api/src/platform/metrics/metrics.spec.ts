import request from 'supertest';
import { startTestApp, type TestApp } from '../../../test/app.harness';

const TOKEN = 'metrics-token-0123456789abcdef0123456789';

describe('Prometheus metrics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ METRICS_TOKEN: TOKEN });
  });
  afterAll(() => t.close());

  it('requires the bearer token when one is configured', async () => {
    await request(t.url).get('/api/v1/metrics').expect(401);
    await request(t.url).get('/api/v1/metrics').set('Authorization', 'Bearer wrong').expect(401);
  });

  it('counts requests by route template', async () => {
    await request(t.url).get('/api/v1/health/live').expect(200);
    const res = await request(t.url)
      .get('/api/v1/metrics')
      .set('Authorization', `Bearer ${TOKEN}`)
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toMatch(
      /coop_http_requests_total\{method="GET",route="\/api\/v1\/health\/live",status="200"\} [1-9]/,
    );
    expect(res.text).toContain('coop_process_cpu_user_seconds_total');
  });
});

describe('Prometheus metrics without a token', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY: '1' });
  });
  afterAll(() => t.close());

  it('answers loopback callers only', async () => {
    await request(t.url).get('/api/v1/metrics').expect(200);
    await request(t.url).get('/api/v1/metrics').set('X-Forwarded-For', '203.0.113.5').expect(401);
  });
});
