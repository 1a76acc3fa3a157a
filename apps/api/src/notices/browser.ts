import { createHash, randomBytes } from 'node:crypto';
import { parse } from 'cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { setCookie } from '../platform/server';

/** A random id the browser keeps, so a sign-in from a browser never seen before stands out. */
export const BROWSER_COOKIE = '__Host-coop-device';
/** Chromium's cap on cookie lifetime; each sign-in renews it. */
const BROWSER_COOKIE_DAYS = 400;

export function browserCookieOf(req: FastifyRequest): string | undefined {
  return parse(req.headers.cookie ?? '')[BROWSER_COOKIE];
}

export function setBrowserCookie(res: FastifyReply, token: string): void {
  setCookie(res, BROWSER_COOKIE, token, {
    httpOnly: true,
    secure: true,
    sameSite: 'strict',
    path: '/',
    maxAge: BROWSER_COOKIE_DAYS * 86_400_000,
  });
}

export const newBrowserToken = (): string => randomBytes(32).toString('base64url');

export const looksLikeBrowserToken = (token: string | undefined): token is string =>
  !!token && /^[A-Za-z0-9_-]{43}$/.test(token);

/** Per user, so that the accounts used in one browser cannot be linked through it. */
export const browserHash = (userId: string, token: string): Buffer =>
  createHash('sha256').update(`${userId}:${token}`).digest();

const BROWSERS: [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\//, 'Edge'],
  [/\b(?:OPR|Opera)\//, 'Opera'],
  [/\b(?:Firefox|FxiOS)\//, 'Firefox'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\b(?:HeadlessChrome|Chrome|CriOS|Chromium)\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
];

const SYSTEMS: [RegExp, string][] = [
  [/\bWindows\b/, 'Windows'],
  [/\bAndroid\b/, 'Android'],
  [/\b(?:iPhone|iPad|iPod)\b/, 'iOS'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bLinux\b/, 'Linux'],
];

/**
 * What a person would call the browser ("Firefox · Linux"), from its user agent; null when
 * neither can be told. Only this summary is kept, not the full string.
 */
export function describeBrowser(userAgent: string | undefined): string | null {
  const ua = userAgent ?? '';
  const browser = BROWSERS.find(([pattern]) => pattern.test(ua))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(ua))?.[1];
  return [browser, system].filter(Boolean).join(' · ') || null;
}
