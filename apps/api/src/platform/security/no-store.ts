/**
 * API answers name people, roles and States and carry wrapped keys: none may stay in a browser's
 * or a proxy's cache after the session that fetched them. Set before any handler runs, so refusals
 * and errors carry it too; the few public answers are live status and gain nothing from a cache.
 */
export const NO_STORE = 'no-store';

/**
 * Sent with the sign-out answer: the browser drops its HTTP cache for the origin. Not "storage":
 * the web app keeps nothing secret there (keys live in memory), only the reader's language choice.
 */
export const CLEAR_SITE_DATA_ON_SIGN_OUT = '"cache"';
