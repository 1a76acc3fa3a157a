import request from 'supertest';
import { readinessSchema } from '@coop/contracts';
import { startTestApp, type TestApp } from '../../../test/app.harness';

describe('health endpoints', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers liveness', async () => {
    const res = await request(t.url).get('/api/v1/health/live').expect(200);
    expect(res.body).toEqual({ status: 'ok' });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('reports readiness with the database up and the schema current, and nothing about the deployment', async () => {
    const res = await request(t.url).get('/api/v1/health/ready').expect(200);
    expect(readinessSchema.parse(res.body).database.status).toBe('up');
    expect(Object.keys(res.body as object)).toEqual(['status', 'database']);
    expect(Object.keys((res.body as { database: object }).database)).toEqual([
      'status',
      'latencyMs',
    ]);
  });
});
