export { serverAdapter, tlsOptions } from './http-server';
