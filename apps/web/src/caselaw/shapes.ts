import type { Schema } from '../app/api-client';

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A light check of an answer's shape: the response types of the contracts are interfaces, so
 * this verifies the fields the screens rely on before trusting the rest.
 */
export function shaped<T>(check: (value: Fields) => boolean): Schema<T> {
  return {
    safeParse: (input: unknown) =>
      isObject(input) && check(input) ? { success: true, data: input as T } : { success: false },
  };
}

export function listOf<T>(check: (value: Fields) => boolean): Schema<T[]> {
  return {
    safeParse: (input: unknown) =>
      Array.isArray(input) && input.every((item) => isObject(item) && check(item))
        ? { success: true, data: input as T[] }
        : { success: false },
  };
}

export const isString = (value: unknown): value is string => typeof value === 'string';
export const isNumber = (value: unknown): value is number => typeof value === 'number';
export const isArray = (value: unknown): value is unknown[] => Array.isArray(value);
export { isObject };
