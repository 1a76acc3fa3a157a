export {
  loggingModule,
  requestId,
  sendRequestId,
  requestLogging,
  rootLogger,
} from './logging.module';
export { exitOnUncaughtErrors } from './crash';
