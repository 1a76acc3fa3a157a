export {
  loggingModule,
  requestId,
  assignRequestId,
  requestLogging,
  rootLogger,
} from './logging.module';
export { exitOnUncaughtErrors } from './crash';
