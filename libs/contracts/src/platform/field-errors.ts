import type { core, ZodError } from 'zod';
import { CONTRACT_ISSUE_CODES, type ContractIssueCode, type FieldErrorCode } from './problem';

type Param = string | number | boolean | null;

/** One failing field as the API reports it in a 422, and as the web app checks a form. */
export interface FieldIssue {
  field: string;
  /** English, for people reading the API; clients translate `code` with its `params`. */
  message: string;
  code?: FieldErrorCode;
  params?: Record<string, Param | Param[]>;
}

const isContractCode = (code: unknown): code is ContractIssueCode =>
  (CONTRACT_ISSUE_CODES as readonly unknown[]).includes(code);

// Enum values may be bigints or symbols, which JSON cannot carry.
const jsonValue = (value: unknown): Param =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? value
    : value === null || value === undefined
      ? null
      : String(value);

/** The machine-readable part of an issue: what a client translates, with the bounds it names. */
function codeOf(issue: core.$ZodIssue): Pick<FieldIssue, 'code' | 'params'> {
  switch (issue.code) {
    case 'too_small':
      return { code: issue.code, params: { minimum: Number(issue.minimum), origin: issue.origin } };
    case 'too_big':
      return { code: issue.code, params: { maximum: Number(issue.maximum), origin: issue.origin } };
    case 'invalid_format':
      return { code: issue.code, params: { format: issue.format } };
    case 'invalid_type':
      return { code: issue.code, params: { expected: issue.expected } };
    case 'invalid_value':
      return { code: issue.code, params: { values: issue.values.map(jsonValue) } };
    case 'not_multiple_of':
      return { code: issue.code, params: { divisor: Number(issue.divisor) } };
    case 'custom': {
      const code: unknown = issue.params?.code;
      return { code: isContractCode(code) ? code : 'custom' };
    }
    default:
      return { code: issue.code };
  }
}

/** Flattens zod issues to one entry per failing field, naming unknown keys individually. */
export function fieldIssues(error: ZodError): FieldIssue[] {
  return error.issues.flatMap((issue): FieldIssue[] => {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: base ? `${base}.${key}` : key,
        message: 'is not a known field',
        code: issue.code,
      }));
    }
    return [{ field: base, message: issue.message, ...codeOf(issue) }];
  });
}
