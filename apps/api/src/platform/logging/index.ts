export { loggingModule, requestId } from './logging.module';
