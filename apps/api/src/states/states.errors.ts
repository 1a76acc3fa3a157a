import { AppError, badRequest, conflict, notFound, validationError } from '../platform/errors';

export const stateNotFound = (code: string) => notFound(`No State Party with code ${code}.`);

/** A user's State field names no State Party: a 422 on that field, not a missing resource. */
export const unknownStateField = (code: string) =>
  validationError([
    { field: 'stateCode', message: `no State Party with code ${code}`, code: 'unknown-state' },
  ]);

export const stateWithdrawn = (code: string, effective: string) =>
  new AppError('state-withdrawn', `${code} withdrew from the Rome Statute on ${effective}.`);

export const stateExists = (code: string) => conflict(`A State with code ${code} already exists.`);

export const withdrawalBeforeEntryIntoForce = () =>
  validationError([
    { field: 'withdrawalEffective', message: 'must be after the entry into force' },
  ]);

export const badStateCode = () =>
  badRequest('A State is named by its ISO 3166-1 alpha-3 code, e.g. SEN.');
