import { z } from 'zod';
import { contractIssue } from '../platform/problem';

/** The largest value of a PostgreSQL `integer` column. */
export const INT4_MAX = 2_147_483_647;
const INT8_MAX = 9_223_372_036_854_775_807n;

/**
 * A whole number sent as text in a path or a query string, within [min, max] (max at most
 * INT4_MAX): never a value the database would refuse with an error of its own.
 */
export const wholeNumberParam = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,10}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(Math.min(max, INT4_MAX)));

/** A `bigint` sequence number sent as text (a paging cursor), within PostgreSQL's bigint. */
export const bigintParam = z
  .string()
  .regex(/^\d{1,19}$/, 'must be a whole number')
  // Refinements run even when the pattern failed, and BigInt throws on anything but digits.
  .refine(
    (s) => !/^\d+$/.test(s) || BigInt(s) <= INT8_MAX,
    contractIssue('number-too-large', 'must be at most 9223372036854775807'),
  );
