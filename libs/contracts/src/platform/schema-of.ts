import type { z } from 'zod';

type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Optional properties too: `{ a }` and `{ a; b? }` are assignable both ways. */
type Same<A, B> = Mutual<A, B> extends true ? Mutual<keyof A, keyof B> : false;

/**
 * A schema for a type declared elsewhere (an interface, a library's type): the compiler refuses
 * it as soon as the two disagree, so the OpenAPI document cannot drift from what the code returns.
 */
export const schemaOf =
  <T>() =>
  <S extends z.ZodType>(schema: S & (Same<z.output<S>, T> extends true ? unknown : never)): S =>
    schema;
