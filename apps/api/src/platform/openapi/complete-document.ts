import type { OpenAPIObject } from '@nestjs/swagger';
import { STATUS_CODES } from 'node:http';
import { CSRF_HEADER } from '../security';
import {
  PROBLEMS_EXTENSION,
  RETURNS_EXTENSION,
  type BodyRef,
  type BodyRefs,
} from './returns.decorator';
import { problem, PROBLEMS, type ProblemStatus } from './problems';
import { componentSchemas, schemaRef } from './schemas';

// The package exports only the document's type; its parts are read off it.
type OperationObject = NonNullable<OpenAPIObject['paths'][string]['get']>;
type ResponsesObject = OperationObject['responses'];
type ReferenceObject = Extract<ResponsesObject[string], { $ref: string }>;
type ParameterObject = Exclude<NonNullable<OperationObject['parameters']>[number], ReferenceObject>;
type SchemaObject = Exclude<
  NonNullable<NonNullable<OpenAPIObject['components']>['schemas']>[string],
  ReferenceObject
>;

export const SESSION_SCHEME = 'session';
export const CSRF_SCHEME = 'csrf';
const SAFE_METHODS = new Set(['get', 'head', 'options']);
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export const SECURITY_SCHEMES = {
  [SESSION_SCHEME]: {
    type: 'apiKey',
    in: 'cookie',
    name: '__Host-coop-session',
    description:
      'The session, set by `POST /api/v1/auth/sign-in/verify` (or registration) as an HttpOnly, ' +
      'Secure, SameSite=Strict cookie. It expires after a period without use and at an absolute ' +
      'limit (see `session` in `GET /api/v1/me`).',
  },
  [CSRF_SCHEME]: {
    type: 'apiKey',
    in: 'header',
    name: CSRF_HEADER,
    description:
      `Every request whose method is not GET, HEAD or OPTIONS must send \`${CSRF_HEADER}: 1\`. ` +
      'A request that sends an `Origin` header must come from the platform’s own origin (or a ' +
      'configured extra WebAuthn origin), and one that browsers mark `Sec-Fetch-Site: ' +
      'cross-site` is refused. A refused request answers 403 `urn:coop:problem:csrf` and ' +
      'changes nothing.',
  },
} as const;

const problemRef = (status: ProblemStatus): ReferenceObject => ({
  $ref: `#/components/responses/Problem${status}`,
});

const bodySchema = ({ id, list }: BodyRef): SchemaObject | ReferenceObject =>
  list ? { type: 'array', items: { $ref: schemaRef(id) } } : { $ref: schemaRef(id) };

type Operation = OperationObject & {
  'x-access'?: string;
  [RETURNS_EXTENSION]?: BodyRefs;
  [PROBLEMS_EXTENSION]?: ProblemStatus[];
};

/** The problems an operation can answer, from what the document already says about it. */
function problemsOf(method: string, operation: Operation): ProblemStatus[] {
  const access = String(operation['x-access']);
  const parameters = (operation.parameters ?? []) as ParameterObject[];
  const hasBody = !!operation.requestBody;
  const statuses: ProblemStatus[] = [...(operation[PROBLEMS_EXTENSION] ?? [])];
  if (hasBody || parameters.length > 0) statuses.push(400);
  if (access !== 'public') statuses.push(401);
  if (!SAFE_METHODS.has(method) || !['public', 'signed-in'].includes(access)) statuses.push(403);
  if (parameters.some((p) => p.in === 'path')) statuses.push(404);
  if (hasBody || parameters.some((p) => p.in === 'query')) statuses.push(422);
  if (access === 'public' && !SAFE_METHODS.has(method)) statuses.push(429);
  return [...new Set(statuses)].sort();
}

function completeOperation(method: string, operation: Operation): void {
  const signedIn = operation['x-access'] !== 'public';
  const changes = !SAFE_METHODS.has(method);
  operation.security = [
    {
      ...(signedIn ? { [SESSION_SCHEME]: [] } : {}),
      ...(changes ? { [CSRF_SCHEME]: [] } : {}),
    },
  ];
  const responses: ResponsesObject = {};
  const bodies = operation[RETURNS_EXTENSION] ?? {};
  delete operation[RETURNS_EXTENSION];
  const own = Object.keys(operation.responses).filter((status) => /^2\d\d$/.test(status));
  const statuses = [...own, ...Object.keys(bodies).filter((s) => s !== 'success')];
  for (const status of statuses) {
    const refs = own.includes(status) ? bodies.success : bodies[status];
    responses[status] = {
      description: STATUS_CODES[status] ?? status,
      ...(refs && status !== '204'
        ? {
            content: Object.fromEntries(
              Object.entries(refs).map(([type, ref]) => [type, { schema: bodySchema(ref) }]),
            ),
          }
        : {}),
    };
  }
  for (const status of problemsOf(method, operation)) responses[status] = problemRef(status);
  delete operation[PROBLEMS_EXTENSION];
  responses.default = { $ref: '#/components/responses/Problem' };
  operation.responses = responses;
}

/**
 * Makes the generated document enough to write a client from: how to authenticate and pass the
 * CSRF rule, the schema of every success answer, and the problem documents of failures.
 */
export function completeDocument(doc: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(doc.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation) completeOperation(method, operation);
    }
  }
  return {
    ...doc,
    components: {
      ...doc.components,
      securitySchemes: { ...doc.components?.securitySchemes, ...SECURITY_SCHEMES },
      schemas: { ...doc.components?.schemas, ...componentSchemas() },
      responses: {
        ...doc.components?.responses,
        ...Object.fromEntries(Object.entries(PROBLEMS).map(([s, r]) => [`Problem${s}`, r])),
        Problem: problem('Any other failure, as an RFC 9457 problem document.'),
      },
    },
  };
}
