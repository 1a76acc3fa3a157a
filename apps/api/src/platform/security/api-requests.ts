import type { onRequestHookHandler } from 'fastify';
import type { AppConfig } from '../config';
import { sendProblem, unsupportedBody } from '../errors';
import { csrfProtection } from './csrf';
import { NO_STORE } from './no-store';

/**
 * Under /api, as Express mounted them there (in any letter case, as Express matched it): no-store,
 * then the CSRF and media type refusals.
 */
export function apiRequests(config: AppConfig): onRequestHookHandler {
  const csrf = csrfProtection([config.PUBLIC_ORIGIN, ...config.WEBAUTHN_EXTRA_ORIGINS]);
  return (req, reply, done) => {
    if (/^\/api(?:[/?]|$)/i.test(req.url)) {
      reply.raw.setHeader('Cache-Control', NO_STORE);
      const refusal = csrf(req) ?? unsupportedBody(req);
      if (refusal) return sendProblem(req, reply, refusal.toProblem(), true);
    }
    done();
  };
}
