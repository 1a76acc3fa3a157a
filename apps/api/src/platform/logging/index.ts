export { loggingModule, requestId, assignRequestId } from './logging.module';
export { exitOnUncaughtErrors } from './crash';
