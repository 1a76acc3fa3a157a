import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { z } from 'zod';
import type { ProblemStatus } from './problems';
import { API_SCHEMAS } from './schemas';

/**
 * Per status, media type → schema of the success answers, for tests that check what routes
 * really send. `success` is the route's own status (201 for a POST, 200 otherwise, or its
 * `@HttpCode`); other keys are the other statuses a route may answer with.
 */
export const RESPONSE_BODIES = 'coop:response-bodies';
export type ResponseBodies = Record<string, Record<string, z.ZodType>>;

/** Carries the references to the document builder, which moves them into `responses`. */
export const RETURNS_EXTENSION = 'x-coop-returns';
export interface BodyRef {
  id: string;
  list: boolean;
}
export type BodyRefs = Record<string, Record<string, BodyRef>>;

type Body = z.ZodType | readonly [z.ZodType];
type Output<B> = B extends readonly [infer I extends z.ZodType]
  ? z.output<I>[]
  : B extends z.ZodType
    ? z.output<B>
    : never;
type Handler<T> = (...args: never[]) => T | Promise<T>;
type TypedMethodDecorator<T> = (
  target: object,
  key: string | symbol,
  descriptor: Pick<TypedPropertyDescriptor<Handler<T>>, 'value'>,
) => void;

const isList = (body: Body): body is readonly [z.ZodType] => Array.isArray(body);
const isBody = (content: Body | Record<string, z.ZodType>): content is Body =>
  Array.isArray(content) || content instanceof z.ZodType;

function named(body: Body): { schema: z.ZodType; ref: BodyRef } {
  const item = isList(body) ? body[0] : body;
  const id = API_SCHEMAS.get(item)?.id;
  if (!id) throw new Error('A response schema must be named in platform/openapi/schemas.ts.');
  return isList(body)
    ? { schema: z.array(item), ref: { id, list: true } }
    : { schema: item, ref: { id, list: false } };
}

function declare(byStatus: Record<string, Record<string, Body>>): MethodDecorator {
  const bodies: ResponseBodies = {};
  const refs: BodyRefs = {};
  for (const [status, byType] of Object.entries(byStatus)) {
    bodies[status] = {};
    refs[status] = {};
    for (const [mediaType, body] of Object.entries(byType)) {
      const { schema, ref } = named(body);
      bodies[status][mediaType] = schema;
      refs[status][mediaType] = ref;
    }
  }
  return applyDecorators(
    SetMetadata(RESPONSE_BODIES, bodies),
    ApiExtension(RETURNS_EXTENSION, refs),
  );
}

/**
 * What a route answers on success, as JSON: a named schema (`[schema]` for a list), and the
 * schemas of other success statuses it may answer with. The compiler checks that the handler
 * returns what the schemas describe.
 */
export function Returns<B extends Body, O extends Record<number, Body> = Record<never, Body>>(
  body: B,
  others?: O,
): TypedMethodDecorator<Output<B> | Output<O[keyof O]>>;
/** For a route that writes its own body: media type → schema. */
export function Returns(bodies: Record<string, z.ZodType>): MethodDecorator;
export function Returns(
  content: Body | Record<string, z.ZodType>,
  others: Record<number, Body> = {},
): MethodDecorator {
  const json = (body: Body) => ({ 'application/json': body });
  return declare({
    success: isBody(content) ? json(content) : content,
    ...Object.fromEntries(Object.entries(others).map(([status, body]) => [status, json(body)])),
  });
}

export const PROBLEMS_EXTENSION = 'x-coop-problems';

/**
 * Failures particular to a route (a conflict, an expired link). Those that follow from its
 * access rule, parameters and body are documented without it.
 */
export const ReturnsProblem = (...statuses: ProblemStatus[]) =>
  ApiExtension(PROBLEMS_EXTENSION, statuses);
