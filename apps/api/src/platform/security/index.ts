export { securityHeaders } from './security-headers';
export { apiRequests } from './api-requests';
export { CSRF_HEADER } from './csrf';
export { AuthRateLimitGuard, PostgresThrottlerStorage } from './rate-limit';
export { CLEAR_SITE_DATA_ON_SIGN_OUT } from './no-store';
