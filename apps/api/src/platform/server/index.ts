export { bodyLimitBytes, serverAdapter, tlsOptions } from './http-server';
export { clearCookie, setCookie } from './cookies';
export { entityTags } from './etag';
