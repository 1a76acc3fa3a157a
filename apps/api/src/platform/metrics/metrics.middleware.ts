import type { RequestHandler } from 'express';
import type { MetricsService } from './metrics.service';

/** Counts every request once it has finished, labelled by the matched route template. */
export const metricsMiddleware =
  (metrics: MetricsService): RequestHandler =>
  (req, res, next) => {
    const start = process.hrtime.bigint();
    res.on('finish', () => {
      const route = req.route ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
      metrics.observe(
        req.method,
        route,
        res.statusCode,
        Number(process.hrtime.bigint() - start) / 1e9,
      );
    });
    next();
  };
