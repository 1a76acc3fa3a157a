import { ERROR_CODES, ERRORS, errorCodeOf, problemType } from './errors';

describe('error codes', () => {
  it('names each code once, in one list per feature', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    expect(Object.keys(ERRORS).sort()).toEqual([...ERROR_CODES].sort());
  });

  it.each(ERROR_CODES)('%s has a stable problem type, a 4xx or 5xx status and a title', (code) => {
    expect(problemType(code)).toBe(`urn:coop:problem:${code}`);
    expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(errorCodeOf(problemType(code))).toBe(code);
    const { status, title } = ERRORS[code];
    expect(status >= 400 && status < 600).toBe(true);
    expect(title.trim()).not.toBe('');
  });

  it('keeps 5xx for failures that are not the caller’s', () => {
    const serverSide = ERROR_CODES.filter((code) => ERRORS[code].status >= 500);
    expect(serverSide.sort()).toEqual(['internal', 'not-ready']);
  });

  it.each(['urn:coop:problem:no-such-code', 'not-found', 'about:blank', 'urn:coop:problem:'])(
    'knows no code for the type %j',
    (type) => {
      expect(errorCodeOf(type)).toBeUndefined();
    },
  );
});
