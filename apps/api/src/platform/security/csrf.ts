import type { FastifyRequest } from 'fastify';
import { csrfRefused, type AppError } from '../errors';

export const CSRF_HEADER = 'x-coop-csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-site request forgery defence beside SameSite=Strict cookies: every state-changing API
 * call must carry a custom header (which a cross-site form cannot set, and which no CORS policy
 * here allows) and, when the browser says where it comes from, come from an allowed origin.
 * Gives the refusal of a request that fails it.
 */
export function csrfProtection(
  allowedOrigins: string[],
): (req: FastifyRequest) => AppError | undefined {
  const allowed = new Set(allowedOrigins);
  return (req) => {
    if (SAFE_METHODS.has(req.method)) return undefined;
    const origin = req.headers.origin;
    const site = req.headers['sec-fetch-site'];
    const reason =
      req.headers[CSRF_HEADER] !== '1'
        ? `the ${CSRF_HEADER} header is missing`
        : origin !== undefined && !allowed.has(origin)
          ? `origin ${origin} is not allowed`
          : site === 'cross-site'
            ? 'cross-site requests are not allowed'
            : undefined;
    if (!reason) return undefined;
    return csrfRefused(reason);
  };
}
