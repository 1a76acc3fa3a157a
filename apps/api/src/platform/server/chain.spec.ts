import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import request from 'supertest';
import { chain } from './chain';

const mark =
  (name: string): RequestHandler =>
  (_req, res, next) => {
    res.append('X-Ran', name);
    next();
  };

function appWith(...handlers: RequestHandler[]) {
  const app = express();
  app.use('/api', chain(...handlers));
  app.get('/api/x', (_req, res) => void res.json({ reached: true }));
  const caught: ErrorRequestHandler = (error: Error, _req, res, _next) =>
    void res.status(418).json({ caught: error.message });
  app.use(caught);
  return app;
}

describe('chain', () => {
  it('runs the middlewares in order, then the route', async () => {
    const res = await request(appWith(mark('a'), mark('b'))).get('/api/x');
    expect(res.body).toEqual({ reached: true });
    expect(res.headers['x-ran']).toBe('a, b');
  });

  it('hands an error passed to next, or thrown, to the error handler and runs nothing after it', async () => {
    const failing: RequestHandler = (_req, _res, next) => next(new Error('passed'));
    const throwing: RequestHandler = () => {
      throw new Error('thrown');
    };
    for (const [handler, message] of [
      [failing, 'passed'],
      [throwing, 'thrown'],
    ] as const) {
      const res = await request(appWith(mark('a'), handler, mark('b'))).get('/api/x');
      expect(res.status).toBe(418);
      expect(res.body).toEqual({ caught: message });
      expect(res.headers['x-ran']).toBe('a');
    }
  });

  it('stops where a middleware answers', async () => {
    const answering: RequestHandler = (_req, res) => void res.status(403).json({ refused: true });
    const res = await request(appWith(answering, mark('b'))).get('/api/x');
    expect(res.status).toBe(403);
    expect(res.headers['x-ran']).toBeUndefined();
  });
});
