export { serverAdapter, tlsOptions } from './http-server';
export { chain } from './chain';
