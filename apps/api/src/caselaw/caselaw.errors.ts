import { AppError } from '../platform/errors';

/** Readers get the same answer for a draft as for nothing at all: existence is not revealed. */
export const notPublished = (id: string) =>
  new AppError(404, 'not-found', 'Unknown entry', `No published case-law entry with id ${id}.`);

export const entryNotFound = (id: string) =>
  new AppError(404, 'not-found', 'Unknown entry', `No case-law entry with id ${id}.`);

export const revisionNotFound = (id: string, number: number) =>
  new AppError(404, 'not-found', 'Unknown revision', `Entry ${id} has no revision ${number}.`);

export const topicNotFound = (key: string) =>
  new AppError(404, 'not-found', 'Unknown topic', `No topic with key ${key}.`);

export const invalidTransition = (detail: string) =>
  new AppError(409, 'invalid-transition', 'Not possible in this state', detail);

export const staleRevision = (current: number, given: number) =>
  new AppError(
    409,
    'stale-revision',
    'Changed meanwhile',
    `The working copy is at revision ${current}, not ${given}: reload it and try again.`,
    { currentRevision: current },
  );

/** The second-review rule (CASELAW_SECOND_REVIEW): no facilitator publishes their own work. */
export const secondReviewNeeded = (submitter: boolean, revision: number) =>
  new AppError(
    403,
    'two-person-rule',
    'Another facilitator must publish',
    submitter
      ? `You submitted revision ${revision} for review: a facilitator who neither submitted nor changed it since it was last published must review and publish it.`
      : `You changed this entry since it was last published: a facilitator who neither submitted nor changed revision ${revision} must review and publish it.`,
  );
