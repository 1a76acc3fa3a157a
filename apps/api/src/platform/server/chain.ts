import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * Several middlewares as one router layer: the router matches the mount path and rewrites the URL
 * once per request instead of once per middleware. Order and error handling are as with `app.use`.
 */
export function chain(...handlers: RequestHandler[]): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    let i = 0;
    const step = (error?: unknown): void => {
      if (error) return next(error);
      const handler = handlers[i++];
      if (!handler) return next();
      try {
        handler(req, res, step);
      } catch (thrown) {
        next(thrown);
      }
    };
    step();
  };
}
