import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES, ERRORS, problemType } from '@coop/contracts';
import { AppError } from './problem';

const apiSource = join(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('the error table', () => {
  const source = sourceFiles(apiSource)
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');

  it.each(ERROR_CODES)('%s leaves with the status, title and type of the table', (code) => {
    const problem = new AppError(code, 'What went wrong.', { extra: 1 }).toProblem();
    expect(problem).toEqual({
      type: problemType(code),
      title: ERRORS[code].title,
      status: ERRORS[code].status,
      detail: 'What went wrong.',
      extra: 1,
    });
    expect(problem.status >= 400 && problem.status < 600).toBe(true);
  });

  // An AppError built with it, or the filter's mapping of the statuses Nest raises itself.
  it.each(ERROR_CODES)('%s is produced somewhere in the API', (code) => {
    expect(source).toMatch(new RegExp(`(['"])${code}\\1`));
  });

  it('lets no extension overwrite the type, status, title or detail', () => {
    const problem = new AppError('conflict', 'Taken.', { type: 'x', status: 200 }).toProblem();
    expect(problem).toMatchObject({ type: problemType('conflict'), status: 409 });
  });
});
