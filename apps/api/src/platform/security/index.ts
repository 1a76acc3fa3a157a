export { securityHeaders } from './security-headers';
export { csrfProtection, CSRF_HEADER } from './csrf';
export { AuthRateLimitGuard, PostgresThrottlerStorage } from './rate-limit';
export { noStore, CLEAR_SITE_DATA_ON_SIGN_OUT } from './no-store';
