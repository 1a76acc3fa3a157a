import { AppError } from './problem';

/** The shared refusals; a feature's own factories word them for what it looked for. */
export const badRequest = (detail: string) => new AppError('bad-request', detail);

export const notFound = (detail: string) => new AppError('not-found', detail);

export const conflict = (detail: string) => new AppError('conflict', detail);

export const forbidden = (detail: string) => new AppError('forbidden', detail);

export const unauthenticated = (detail: string) => new AppError('unauthenticated', detail);

export const twoPersonRule = (detail: string) => new AppError('two-person-rule', detail);

export const stepUpRequired = () =>
  new AppError('step-up-required', 'This action needs a fresh confirmation with your passkey.');

export const csrfRefused = (reason: string) =>
  new AppError(
    'csrf',
    `This request was refused as a possible cross-site request forgery: ${reason}.`,
  );

export const tooManyRequests = (secondsLeft: number) =>
  new AppError(
    'too-many-requests',
    `Too many sign-in and registration requests from your address. Try again in ${secondsLeft} seconds.`,
  );

export const notReady = () =>
  new AppError('not-ready', 'The database is not reachable or its schema is not up to date.', {
    checks: { database: 'down' },
  });

export const unsupportedMediaType = (detail: string) =>
  new AppError('unsupported-media-type', detail);

export const internalError = () =>
  new AppError('internal', 'An unexpected error occurred. Quote the request id when reporting it.');
