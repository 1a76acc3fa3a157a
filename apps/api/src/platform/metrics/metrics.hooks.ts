import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { MetricsService } from './metrics.service';

/**
 * Counts every request once it has finished, labelled by the matched route template, or
 * `unmatched` for one answered before its handler's turn (a refusal before routing, a file of
 * the web app, a 404), as Express labelled them. Gives the count of a request answered where
 * Fastify runs no hook.
 */
export function countRequests(
  fastify: FastifyInstance,
  metrics: MetricsService,
): (req: FastifyRequest, reply: FastifyReply) => void {
  const routed = new WeakSet<FastifyRequest>();
  fastify.addHook('preHandler', (req, _reply, done) => {
    if (!req.is404) routed.add(req);
    done();
  });
  fastify.addHook('onResponse', (req, reply, done) => {
    const route = routed.has(req) ? (req.routeOptions.url ?? 'unmatched') : 'unmatched';
    metrics.observe(req.method, route, reply.statusCode, reply.elapsedTime / 1e3);
    done();
  });
  return (req, reply) =>
    void reply.raw.once('finish', () =>
      metrics.observe(req.method, 'unmatched', reply.statusCode, reply.elapsedTime / 1e3),
    );
}
