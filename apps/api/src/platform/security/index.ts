export { securityHeaders } from './security-headers';
export { csrfProtection, CSRF_HEADER } from './csrf';
export { AuthRateLimitGuard, PostgresThrottlerStorage } from './rate-limit';
