import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, runCli } from '@coop/testing';
import {
  addVirtualAuthenticator,
  launchBrowser,
  startBuiltServer,
  watchPageProblems,
  type BuiltServer,
} from '@coop/testing/browser';
import type { BrowserContext, Page } from 'playwright-core';
import { readKeysText, setUpKeys } from './support/keys';

interface Catalogue {
  nav: { signOut: string };
  signIn: { title: string };
  invite: { button: string };
}

const text = JSON.parse(
  readFileSync(join(repoRoot(), 'apps/web/src/i18n/en.json'), 'utf8'),
) as Catalogue;

/** What a signed-in browser read that an attacker with the disk would want most. */
const SECRETS = ['/api/v1/users', '/api/v1/me', '/api/v1/keys/me', '/api/v1/keys/me/wraps'];

/**
 * What the browser's HTTP cache can answer for each path with the network gone: the status of
 * a stored response, or null when it has none.
 */
async function cached(page: Page, paths: string[]): Promise<Record<string, number | null>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: true,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  try {
    return await page.evaluate(async (list) => {
      const found: Record<string, number | null> = {};
      for (const path of list) {
        try {
          const res = await fetch(path, { cache: 'only-if-cached', mode: 'same-origin' });
          found[path] = res.status;
        } catch {
          found[path] = null;
        }
      }
      return found;
    }, paths);
  } finally {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await cdp.detach();
  }
}

const nothing = Object.fromEntries(SECRETS.map((path) => [path, null]));

describe('the browser cache after a session', () => {
  let server: BuiltServer;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startBuiltServer();
    context = await launchBrowser();
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(10_000);
    await addVirtualAuthenticator(page);
  });
  afterAll(async () => {
    await context?.close();
    await server?.stop();
  });

  it('holds no API answer, during the session or after sign-out', async () => {
    const problems = await watchPageProblems(page);
    const printed = runCli(
      ['bootstrap-admin', '--name', 'Cara Cache', '--email', 'cara@example.org'],
      { DATABASE_URL: server.database.url, PUBLIC_ORIGIN: server.url, LOG_LEVEL: 'warn' },
    );
    const link = /(http:\/\/\S+\/invite#[A-Za-z0-9_-]{43})/.exec(printed)?.[1] ?? '';
    await page.goto(link);
    await page.getByRole('button', { name: text.invite.button }).click();
    await setUpKeys(page, readKeysText('en'));
    // Read each one as the app does, so every answer has passed through the HTTP cache.
    const statuses = await page.evaluate(
      (paths) => Promise.all(paths.map(async (path) => (await fetch(path)).status)),
      SECRETS,
    );
    expect(statuses).toEqual([200, 200, 200, 200]);
    // Chromium reports an unrecognised Permissions-Policy feature as a console error. The one
    // expected problem: the page asks who is signed in before anyone is (401).
    const signedOutCheck = (p: string) => p.includes('/api/v1/me') && /\b401\b/.test(p);
    expect(problems.list.filter((p) => !signedOutCheck(p))).toEqual([]);

    expect(await cached(page, SECRETS)).toEqual(nothing);

    await page.getByRole('button', { name: text.nav.signOut }).click();
    await page.getByRole('heading', { level: 1, name: text.signIn.title }).waitFor();
    expect(await cached(page, SECRETS)).toEqual(nothing);
  });
});
