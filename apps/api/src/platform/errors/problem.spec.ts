import { Body, Controller, Module, Post, Put } from '@nestjs/common';
import { createZodDto } from 'nestjs-zod';
import request from 'supertest';
import { z } from 'zod';
import { contractIssue, nameText, problemSchema } from '@coop/contracts';
import { Access } from '../access';
import { startTestApp, type TestApp } from '../../../test/app.harness';

class EchoDto extends createZodDto(
  z.strictObject({
    name: z.string().min(1).max(50),
    count: z.number().int().nonnegative(),
    nested: z.strictObject({ flag: z.boolean() }).optional(),
    tags: z
      .array(z.enum(['appeals', 'trial']))
      .min(1)
      .optional(),
    on: z.iso.date().optional(),
    label: nameText(20).optional(),
    pair: z
      .array(z.number())
      .refine((p) => p.length !== 1, contractIssue('repeated', 'must not repeat'))
      .optional(),
  }),
) {}

const received: unknown[] = [];

@Controller('fixture')
class FixtureController {
  @Post('echo')
  @Access.public()
  echo(@Body() body: EchoDto): EchoDto {
    received.push(body);
    return body;
  }

  @Put('undeclared')
  undeclared(): string {
    return 'must never answer';
  }

  @Post('boom')
  @Access.public()
  boom(): never {
    throw new Error('internal detail that must not leak: /srv/secret/path');
  }
}

@Module({ controllers: [FixtureController] })
class FixtureModule {}

function expectProblem(res: request.Response, status: number, type: string) {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const problem = problemSchema.parse(JSON.parse(res.text));
  expect(problem.status).toBe(status);
  expect(problem.type).toBe(`urn:coop:problem:${type}`);
  expect(problem.detail.length).toBeGreaterThan(5);
  expect(problem.requestId).toMatch(/^[\w.-]{8,64}$/);
  expect(problem.requestId).toBe(res.headers['x-request-id']);
  expect(res.text).not.toMatch(/at .*\.(ts|js):\d+/);
  return problem;
}

describe('errors as RFC 9457 problem+json', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ BODY_LIMIT: '1kb' }, [FixtureModule]);
  });
  afterAll(() => t.close());
  beforeEach(() => received.splice(0));

  it('accepts a valid body', async () => {
    const res = await request(t.url)
      .post('/api/v1/fixture/echo')
      .set('X-Coop-Csrf', '1')
      .send({ name: 'a', count: 1 });
    expect(res.status).toBe(201);
    expect(received).toHaveLength(1);
  });

  it('answers malformed JSON with 400', async () => {
    const res = await request(t.url)
      .post('/api/v1/fixture/echo')
      .set('X-Coop-Csrf', '1')
      .set('Content-Type', 'application/json')
      .send('{"name": "a", ');
    expectProblem(res, 400, 'malformed-json');
    expect(received).toHaveLength(0);
  });

  it('answers an unknown route with 404', async () => {
    expectProblem(await request(t.url).get('/api/v1/no-such-route'), 404, 'not-found');
  });

  it('answers a body over the limit with 413', async () => {
    const res = await request(t.url)
      .post('/api/v1/fixture/echo')
      .set('X-Coop-Csrf', '1')
      .send({ name: 'x'.repeat(2048), count: 1 });
    expectProblem(res, 413, 'payload-too-large');
    expect(received).toHaveLength(0);
  });

  it.each([
    ['text/plain', 'name=a'],
    ['application/x-www-form-urlencoded', 'name=a&count=1'],
    ['application/xml', '<a/>'],
  ])('answers a %s body with 415', async (type, body) => {
    const res = await request(t.url)
      .post('/api/v1/fixture/echo')
      .set('X-Coop-Csrf', '1')
      .set('Content-Type', type)
      .send(body);
    expectProblem(res, 415, 'unsupported-media-type');
    expect(received).toHaveLength(0);
  });

  it('rejects unknown fields with 422, naming each one', async () => {
    const res = await request(t.url)
      .post('/api/v1/fixture/echo')
      .set('X-Coop-Csrf', '1')
      .send({ name: 'a', count: 1, isAdmin: true, nested: { flag: true, extra: 1 } });
    const problem = expectProblem(res, 422, 'validation');
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { field: 'isAdmin', message: 'is not a known field', code: 'unrecognized_keys' },
        { field: 'nested.extra', message: 'is not a known field', code: 'unrecognized_keys' },
      ]),
    );
    expect(received).toHaveLength(0);
  });

  it('lists every failing field with 422', async () => {
    const res = await request(t.url)
      .post('/api/v1/fixture/echo')
      .set('X-Coop-Csrf', '1')
      .send({ name: '', count: -1.5 });
    const problem = expectProblem(res, 422, 'validation');
    expect(new Set(problem.errors?.map((e) => e.field))).toEqual(new Set(['name', 'count']));
    expect(received).toHaveLength(0);
  });

  it('gives each failing field a code and the bounds a client needs to say it in any language', async () => {
    const res = await request(t.url)
      .post('/api/v1/fixture/echo')
      .set('X-Coop-Csrf', '1')
      .send({
        name: 'x'.repeat(51),
        count: 'one',
        tags: [],
        on: '2026-13-01',
        label: 'a\u200Bb',
        pair: [1],
      });
    const problem = expectProblem(res, 422, 'validation');
    const byField = Object.fromEntries((problem.errors ?? []).map((e) => [e.field, e]));
    expect(byField.name).toMatchObject({
      code: 'too_big',
      params: { maximum: 50, origin: 'string' },
    });
    expect(byField.count).toMatchObject({ code: 'invalid_type', params: { expected: 'number' } });
    expect(byField.tags).toMatchObject({
      code: 'too_small',
      params: { minimum: 1, origin: 'array' },
    });
    expect(byField.on).toMatchObject({ code: 'invalid_format', params: { format: 'date' } });
    expect(byField.label).toMatchObject({ code: 'invisible-characters' });
    expect(byField.pair).toMatchObject({ code: 'repeated', message: 'must not repeat' });
    // The English sentence stays for other clients.
    expect(byField.on.message).toBe('Invalid ISO date');

    const option = await request(t.url)
      .post('/api/v1/fixture/echo')
      .set('X-Coop-Csrf', '1')
      .send({ name: '', count: 1, tags: ['appeals', 'other'] });
    const items = expectProblem(option, 422, 'validation').errors ?? [];
    expect(items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: 'name',
          code: 'too_small',
          params: { minimum: 1, origin: 'string' },
        }),
        expect.objectContaining({
          field: 'tags.1',
          code: 'invalid_value',
          params: { values: ['appeals', 'trial'] },
        }),
      ]),
    );
    expect(received).toHaveLength(0);
  });

  it('denies a route that declares no access rule', async () => {
    expectProblem(
      await request(t.url).put('/api/v1/fixture/undeclared').set('X-Coop-Csrf', '1'),
      403,
      'forbidden',
    );
  });

  it('hides internals of unexpected errors behind a 500', async () => {
    const res = await request(t.url).post('/api/v1/fixture/boom').set('X-Coop-Csrf', '1');
    const problem = expectProblem(res, 500, 'internal');
    expect(res.text).not.toContain('/srv/secret/path');
    expect(problem.detail).toMatch(/request id/);
  });
});
