import request from 'supertest';
import { startTestApp, type TestApp } from '../../../test/app.harness';

type Operation = { 'x-access'?: string };

describe('OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('lists every route with its access rule', async () => {
    const res = await request(t.url).get('/api/docs/openapi.json').expect(200);
    const paths = res.body.paths as Record<string, Record<string, Operation>>;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining(['/api/v1/health/live', '/api/v1/health/ready', '/api/v1/metrics']),
    );
    for (const [path, operations] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        expect({ path, method, access: operation['x-access'] }).toEqual({
          path,
          method,
          access: expect.any(String),
        });
      }
    }
  });

  it('serves a browsable UI', async () => {
    const res = await request(t.url).get('/api/docs').expect(200);
    expect(res.text).toContain('swagger');
  });
});
