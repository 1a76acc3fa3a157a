export { buildOpenApi, mountOpenApi } from './openapi';
