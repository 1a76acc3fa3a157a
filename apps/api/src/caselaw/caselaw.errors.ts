import type { ImportProblem } from '@coop/contracts';
import { AppError, badRequest, conflict, notFound, twoPersonRule } from '../platform/errors';

/** Readers get the same answer for a draft as for nothing at all: existence is not revealed. */
export const notPublished = (id: string) => notFound(`No published case-law entry with id ${id}.`);

export const entryNotFound = (id: string) => notFound(`No case-law entry with id ${id}.`);

export const revisionNotFound = (id: string, number: number) =>
  notFound(`Entry ${id} has no revision ${number}.`);

export const topicNotFound = (key: string) => notFound(`No topic with key ${key}.`);

export const entryExists = (id: string) => conflict(`An entry with id ${id} already exists.`);

export const topicExists = (key: string) => conflict(`Topic ${key} already exists.`);

export const badTopicKey = () =>
  badRequest('A topic is named by lower-case words joined by hyphens, e.g. asset-freezing.');

export const invalidTransition = (detail: string) => new AppError('invalid-transition', detail);

export const staleRevision = (current: number, given: number) =>
  new AppError(
    'stale-revision',
    `The working copy is at revision ${current}, not ${given}: reload it and try again.`,
    { currentRevision: current },
  );

/** An import is all or nothing; `shown` are the first problems of `total`. */
export const importRefused = (total: number, shown: ImportProblem[]) =>
  new AppError(
    'import-invalid',
    `${total} problem(s) in the file; nothing was imported.${
      total > shown.length ? ` The first ${shown.length} are listed.` : ''
    }`,
    { errors: shown },
  );

/** The second-review rule (CASELAW_SECOND_REVIEW): no facilitator publishes their own work. */
export const secondReviewNeeded = (submitter: boolean, revision: number) =>
  twoPersonRule(
    submitter
      ? `You submitted revision ${revision} for review: a facilitator who neither submitted nor changed it since it was last published must review and publish it.`
      : `You changed this entry since it was last published: a facilitator who neither submitted nor changed revision ${revision} must review and publish it.`,
  );
