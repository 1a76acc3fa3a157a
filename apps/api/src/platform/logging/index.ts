export { loggingModule, requestId, assignRequestId } from './logging.module';
