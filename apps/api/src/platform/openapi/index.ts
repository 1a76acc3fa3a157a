export { buildOpenApi, mountOpenApi } from './openapi';
export { Returns, ReturnsProblem } from './returns.decorator';
export { auditLinesSchema, caselawCsvSchema, prometheusTextSchema } from './schemas';
