import type { FastifyReply } from 'fastify';
import { clearCookie, setCookie } from '../../platform/server';
import { SESSION_COOKIE } from './session.strategy';

/** `__Host-` pins the cookie to this exact origin: Secure, no Domain, Path=/. */
export function setSessionCookie(res: FastifyReply, token: string, expiresAt: Date): void {
  setCookie(res, SESSION_COOKIE, token, {
    httpOnly: true,
    secure: true,
    sameSite: 'strict',
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(res: FastifyReply): void {
  clearCookie(res, SESSION_COOKIE, { httpOnly: true, secure: true, sameSite: 'strict', path: '/' });
}
