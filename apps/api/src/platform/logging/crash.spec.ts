import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '@coop/testing';

interface Ended {
  code: number | null;
  lines: { level: number; msg: string; origin?: string; err?: { message: string } }[];
}

/** A process with the API's handler installed, whose last act is to leave an error uncaught. */
function crashWith(fault: string): Promise<Ended> {
  const script = `
    const { exitOnUncaughtErrors } = require(${JSON.stringify(join(__dirname, 'crash.ts'))});
    exitOnUncaughtErrors(require('pino')({ name: 'coop' }));
    ${fault}
    setTimeout(() => process.stdout.write('still running\\n'), 1000);
  `;
  const child = spawn(process.execPath, ['-r', '@swc-node/register', '-e', script], {
    cwd: repoRoot(),
    env: { ...process.env, SWC_NODE_PROJECT: join(repoRoot(), 'tsconfig.base.json') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) =>
    child.on('exit', (code) =>
      resolve({
        code,
        lines: output
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as Ended['lines'][number]),
      }),
    ),
  );
}

describe('an error nothing caught', () => {
  jest.setTimeout(30_000);

  it('is logged as one fatal JSON line and ends the process with code 1', async () => {
    const ended = await crashWith(
      `setImmediate(() => { throw new Error('thrown in a callback'); });`,
    );
    expect(ended.code).toBe(1);
    expect(ended.lines).toEqual([
      expect.objectContaining({
        level: 60,
        msg: 'uncaught exception: exiting',
        origin: 'uncaughtException',
        err: expect.objectContaining({ message: 'thrown in a callback' }),
      }),
    ]);
  });

  it('still crashes the process on an unhandled rejection, after logging it', async () => {
    const ended = await crashWith(`Promise.reject(new Error('nobody awaited this'));`);
    expect(ended.code).toBe(1);
    expect(ended.lines).toEqual([
      expect.objectContaining({
        level: 60,
        msg: 'unhandled promise rejection: exiting',
        origin: 'unhandledRejection',
        err: expect.objectContaining({ message: 'nobody awaited this' }),
      }),
    ]);
  });
});
