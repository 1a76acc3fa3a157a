import type { Logger } from 'pino';

/**
 * An error nothing caught leaves the process in an unknown state: log it as one fatal line and
 * exit 1, so a process manager restarts a clean one. Unhandled promise rejections arrive here too
 * (Node's default `--unhandled-rejections=throw` raises them as uncaught exceptions), with their
 * origin, so they keep crashing the process as Node intends, but are logged first.
 */
export function exitOnUncaughtErrors(log: Logger): void {
  process.on('uncaughtException', (error, origin) => {
    log.fatal(
      { err: error, origin },
      origin === 'unhandledRejection'
        ? 'unhandled promise rejection: exiting'
        : 'uncaught exception: exiting',
    );
    process.exit(1);
  });
}
