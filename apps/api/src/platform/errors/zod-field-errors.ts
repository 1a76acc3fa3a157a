import type { ZodError } from 'zod';
import type { FieldError } from './problem';

/** Flattens zod issues to one entry per failing field, naming unknown keys individually. */
export function zodFieldErrors(error: ZodError): FieldError[] {
  return error.issues.flatMap((issue) => {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: base ? `${base}.${key}` : key,
        message: 'is not a known field',
      }));
    }
    return [{ field: base, message: issue.message }];
  });
}
