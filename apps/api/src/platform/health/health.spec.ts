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

  it('reports readiness with the database up and the schema current', async () => {
    const res = await request(t.url).get('/api/v1/health/ready').expect(200);
    const body = readinessSchema.parse(res.body);
    expect(body.database).toMatchObject({ status: 'up', mode: 'embedded' });
  });
});
