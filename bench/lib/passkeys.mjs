import { runTsWorker } from './ts-worker.mjs';

/** The one-time link the API prints at its first start, when no Registry admin exists yet. */
export function bootstrapLink(api) {
  const match = api.child.tail().match(/http:\/\/localhost:\d+\/invite#[A-Za-z0-9_-]{43}/);
  if (!match) throw new Error(`no bootstrap link in the API output:\n${api.child.tail()}`);
  return match[0];
}

/** Real passkey ceremonies against a running API (bench/lib/passkey-client.ts). */
export const runPasskeyClient = (command, options) =>
  runTsWorker('passkey-client.ts', command, options);
