import type { OpenAPIObject } from '@nestjs/swagger';
import { schemaRef } from './schemas';

// The package exports only the document's type; an answer's is read off it.
type ResponseObject = Exclude<
  NonNullable<NonNullable<OpenAPIObject['components']>['responses']>[string],
  { $ref: string }
>;

/** An answer of `components.responses`: an RFC 9457 problem document. */
export const problem = (description: string): ResponseObject => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: schemaRef('Problem') } } },
});

/** Shared answers of `components.responses`; every one is an RFC 9457 problem document. */
export const PROBLEMS = {
  400: problem('The request could not be read: malformed JSON, an unknown content encoding, …'),
  401: problem(
    'Not signed in (`urn:coop:problem:unauthenticated`), or, on an operation with ' +
      '`x-step-up`, no passkey confirmation within the last few minutes ' +
      '(`urn:coop:problem:step-up-required`: confirm through `/api/v1/auth/step-up/options` ' +
      'and `/api/v1/auth/step-up/verify`, then retry).',
  ),
  403: problem(
    'Refused: the caller lacks the role `x-access` names (`urn:coop:problem:forbidden`), or ' +
      'the request failed the CSRF rule (`urn:coop:problem:csrf`).',
  ),
  404: problem('Nothing with that identifier, or nothing the caller may see.'),
  409: problem('The request conflicts with the current state of what it acts on.'),
  410: problem('The link or challenge has expired or was already used.'),
  422: problem('The body or query failed validation; `errors` lists each field.'),
  429: problem('Too many attempts from this client address; retry after `Retry-After` seconds.'),
} as const;
export type ProblemStatus = keyof typeof PROBLEMS;
