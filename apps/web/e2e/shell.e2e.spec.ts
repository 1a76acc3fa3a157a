import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES, problemSchema, readinessSchema, type ErrorCode } from '@coop/contracts';
import { repoRoot } from '@coop/testing';
import {
  addVirtualAuthenticator,
  expectNoSeriousA11yViolations,
  launchBrowser,
  startBuiltServer,
  watchPageProblems,
  type BuiltServer,
  type PageProblems,
} from '@coop/testing/browser';
import type { BrowserContext, Locator, Page } from 'playwright-core';

type Language = 'en' | 'fr' | 'ar';

/** The part of a message catalogue these tests read. */
interface Catalogue {
  app: { name: string; skipToContent: string; primaryNavigation: string };
  nav: { status: string };
  language: { label: string };
  status: {
    title: string;
    ready: string;
    notReady: string;
    unreachable: string;
    unreachableDetail: string;
    refresh: string;
    fields: { latency: string; checkedAt: string };
  };
  notFound: { title: string; home: string };
  signIn: { title: string };
  problems: Partial<Record<ErrorCode, string>>;
}

const catalogueDir = join(repoRoot(), 'apps/web/src/i18n');
const readCatalogue = (language: Language): Catalogue =>
  JSON.parse(readFileSync(join(catalogueDir, `${language}.json`), 'utf8')) as Catalogue;
const text: Record<Language, Catalogue> = {
  en: readCatalogue('en'),
  fr: readCatalogue('fr'),
  ar: readCatalogue('ar'),
};
const nativeName: Record<Language, string> = { en: 'English', fr: 'Français', ar: 'العربية' };

const screenshotDir = join(repoRoot(), 'artifacts/screenshots');

let server: BuiltServer;
let browser: BrowserContext;
let page: Page;
let problems: PageProblems;

/** Every page asks who is signed in; nobody is, and the API says so with a 401. */
const signedOutCheck = (problem: string): boolean =>
  problem.includes('/api/v1/me') && /\b401\b/.test(problem);

/** Chromium for the enclosing describe block, and a fresh page per test. */
function useBrowser(origin: () => string): void {
  beforeAll(async () => {
    browser = await launchBrowser();
    mkdirSync(screenshotDir, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    problems = await watchPageProblems(page);
    // Every test starts from a browser that has never chosen a language.
    const session = await browser.newCDPSession(page);
    await session.send('Storage.clearDataForOrigin', {
      origin: origin(),
      storageTypes: 'local_storage',
    });
    await session.detach();
  });

  afterEach(async () => {
    const seen = (problems?.list ?? []).filter((problem) => !signedOutCheck(problem));
    await page?.close();
    expect(seen).toEqual([]);
  });
}

function definition(label: string): Locator {
  return page
    .locator('dl > div')
    .filter({ has: page.getByRole('term').getByText(label, { exact: true }) })
    .getByRole('definition');
}

async function showsStatusPage(language: Language): Promise<void> {
  const t = text[language];
  await page.getByRole('heading', { level: 1, name: t.status.title }).waitFor();
  await page.getByRole('status').getByText(t.status.ready, { exact: true }).waitFor();
}

async function chooseLanguage(from: Language, to: Language): Promise<void> {
  await page.getByRole('button', { name: text[from].language.label }).click();
  await page.getByRole('option', { name: nativeName[to] }).click();
  await page.locator(`html[lang="${to}"]`).waitFor({ state: 'attached' });
}

async function documentLanguage(): Promise<{ lang: string; dir: string; direction: string }> {
  return page.evaluate(() => ({
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
    direction: getComputedStyle(document.body).direction,
  }));
}

async function box(locator: Locator): Promise<{ x: number; width: number }> {
  const found = await locator.boundingBox();
  if (!found) throw new Error(`${locator.toString()} is not visible`);
  return found;
}

async function screenshot(language: Language): Promise<void> {
  await page.screenshot({ path: join(screenshotDir, `shell-${language}.png`), fullPage: true });
}

describe('web shell', () => {
  beforeAll(async () => {
    server = await startBuiltServer();
  });
  afterAll(async () => {
    await server?.stop();
  });
  useBrowser(() => server.url);

  it('renders the shell with the live platform status from the API', async () => {
    readinessSchema.parse(await (await fetch(`${server.url}/api/v1/health/ready`)).json());
    const response = await page.goto(`${server.url}/status`);
    expect(response?.status()).toBe(200);

    const t = text.en;
    await showsStatusPage('en');
    await page.getByRole('banner').getByRole('link', { name: t.app.name }).waitFor();
    const nav = page.getByRole('navigation', { name: t.app.primaryNavigation });
    expect(await nav.getByRole('link', { name: t.nav.status }).getAttribute('aria-current')).toBe(
      'page',
    );
    await page.getByRole('main').waitFor();
    expect(await page.getByRole('link', { name: t.app.skipToContent }).count()).toBe(1);

    expect(await definition(t.status.fields.latency).innerText()).toMatch(/\d+\s*ms/);
    expect(await page.title()).toBe(`${t.status.title} · ${t.app.name}`);
    expect(await documentLanguage()).toEqual({ lang: 'en', dir: 'ltr', direction: 'ltr' });

    const checked = await definition(t.status.fields.checkedAt)
      .locator('time')
      .getAttribute('datetime');
    const refreshed = page.waitForResponse((r) => r.url().endsWith('/api/v1/health/ready'));
    await page.getByRole('button', { name: t.status.refresh }).click();
    expect((await refreshed).status()).toBe(200);
    await page.getByRole('button', { name: t.status.refresh }).waitFor();
    await page.getByRole('status').getByText(t.status.ready, { exact: true }).waitFor();
    await page.locator(`time:not([datetime="${checked ?? ''}"])`).waitFor({ state: 'attached' });

    await expectNoSeriousA11yViolations(page);
    await screenshot('en');
  });

  it('switches to French, then to right-to-left Arabic, and remembers the choice', async () => {
    await page.goto(`${server.url}/status`);
    await showsStatusPage('en');
    const englishBrand = await box(page.getByRole('link', { name: text.en.app.name }));
    const englishSwitcher = await box(page.getByRole('button', { name: text.en.language.label }));
    expect(englishBrand.x).toBeLessThan(englishSwitcher.x);

    await chooseLanguage('en', 'fr');
    await showsStatusPage('fr');
    expect(await documentLanguage()).toEqual({ lang: 'fr', dir: 'ltr', direction: 'ltr' });
    await page.getByRole('navigation', { name: text.fr.app.primaryNavigation }).waitFor();
    await page.getByRole('link', { name: text.fr.nav.status }).waitFor();
    expect(await page.title()).toBe(`${text.fr.status.title} · ${text.fr.app.name}`);
    await expectNoSeriousA11yViolations(page);
    await screenshot('fr');

    await chooseLanguage('fr', 'ar');
    await showsStatusPage('ar');
    expect(await documentLanguage()).toEqual({ lang: 'ar', dir: 'rtl', direction: 'rtl' });
    const brand = await box(page.getByRole('link', { name: text.ar.app.name }));
    const nav = await box(page.getByRole('link', { name: text.ar.nav.status }));
    const switcher = await box(page.getByRole('button', { name: text.ar.language.label }));
    const viewport = page.viewportSize();
    expect(brand.x).toBeGreaterThan(nav.x);
    expect(nav.x).toBeGreaterThan(switcher.x);
    expect(viewport).not.toBeNull();
    if (viewport) expect(brand.x + brand.width).toBeGreaterThan(viewport.width / 2);
    await expectNoSeriousA11yViolations(page);
    await screenshot('ar');

    expect(await page.evaluate(() => localStorage.getItem('coop.language'))).toBe('ar');
    await page.reload();
    await showsStatusPage('ar');
    expect(await documentLanguage()).toEqual({ lang: 'ar', dir: 'rtl', direction: 'rtl' });
  });

  it('answers a deep link with the app, which shows its own not-found page', async () => {
    const response = await page.goto(`${server.url}/some/client/route`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-type']).toMatch(/^text\/html/);

    const t = text.en;
    await page.getByRole('heading', { level: 1, name: t.notFound.title }).waitFor();
    await page.getByRole('navigation', { name: t.app.primaryNavigation }).waitFor();
    // Home is for signed-in users: a visitor is taken to the sign-in page.
    await page.getByRole('link', { name: t.notFound.home }).click();
    await page.getByRole('heading', { level: 1, name: t.signIn.title }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  });

  it('serves index.html revalidated, hashed assets immutable, and nothing inline', async () => {
    const index = await fetch(`${server.url}/`, { headers: { accept: 'text/html' } });
    expect(index.status).toBe(200);
    expect(index.headers.get('cache-control')).toBe('no-cache');

    const csp = new Map(
      (index.headers.get('content-security-policy') ?? '')
        .split(';')
        .map((directive) => directive.trim().split(/\s+/))
        .map(([name, ...sources]) => [name, [...new Set(sources)].sort().join(' ')]),
    );
    expect(csp.get('default-src')).toBe("'self'");
    expect(csp.get('script-src')).toBe("'self' 'wasm-unsafe-eval'");
    expect(csp.get('style-src')).toBe("'self'");
    expect(csp.get('frame-ancestors')).toBe("'none'");

    const html = await index.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    expect(html).not.toMatch(/<style\b/i);
    expect(html).not.toMatch(/\sstyle=/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);

    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map(([, path]) => path);
    expect(assets.some((path) => path.endsWith('.js'))).toBe(true);
    expect(assets.some((path) => path.endsWith('.css'))).toBe(true);
    for (const path of assets) {
      expect(path).toMatch(/-[\w-]{8}\.(js|css)$/);
      const asset = await fetch(`${server.url}${path}`);
      expect({ path, status: asset.status }).toEqual({ path, status: 200 });
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      await asset.arrayBuffer();
    }

    const favicon = await fetch(`${server.url}/favicon.svg`);
    expect(favicon.status).toBe(200);
    expect(favicon.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(favicon.headers.get('cache-control')).toBe('no-cache');
  });

  it('accepts a virtual passkey authenticator in the browser', async () => {
    await page.goto(`${server.url}/`);
    const { authenticatorId, session } = await addVirtualAuthenticator(page);
    expect(authenticatorId).not.toBe('');
    const available = await page.evaluate(() =>
      PublicKeyCredential.isUserVerifyingPlatformAuthenticatorAvailable(),
    );
    expect(available).toBe(true);
    await session.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId });
    await session.detach();
  });
});

describe('status page of a platform that is not ready', () => {
  let unready: BuiltServer;
  beforeAll(async () => {
    unready = await startBuiltServer();
    // Pulled from under the running server: it stays up and says why it is not ready.
    await unready.database.drop();
  });
  afterAll(async () => {
    await unready?.stop();
  });
  useBrowser(() => unready.url);

  it('shows the reason the API gives, then that the API cannot be reached', async () => {
    const answer = await fetch(`${unready.url}/api/v1/health/ready`);
    expect(answer.status).toBe(503);
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = problemSchema.parse(await answer.json());

    const t = text.en;
    await page.goto(`${unready.url}/status`);
    await page.getByRole('status').getByText(t.status.notReady, { exact: true }).waitFor();
    await page.getByText(problem.detail, { exact: true }).waitFor();
    expect(await definition(t.status.fields.latency).count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: join(screenshotDir, 'status-not-ready.png'), fullPage: true });

    await page.route('**/api/v1/health/ready', (route) => route.abort('connectionrefused'));
    await page.getByRole('button', { name: t.status.refresh }).click();
    await page.getByRole('status').getByText(t.status.unreachable, { exact: true }).waitFor();
    await page.getByText(t.status.unreachableDetail, { exact: true }).waitFor();

    // The failed readiness checks were the point of this test; nothing else may have failed.
    expect(
      problems.list.filter((p) => !p.includes('/api/v1/health/ready') && !signedOutCheck(p)),
    ).toEqual([]);
    problems.clear();
  });
});

describe('message catalogues', () => {
  const keys = (value: unknown, prefix = ''): string[] =>
    typeof value === 'object' && value !== null
      ? Object.entries(value).flatMap(([key, inner]) => keys(inner, `${prefix}${key}.`))
      : [prefix.slice(0, -1)];
  const values = (value: unknown): unknown[] =>
    typeof value === 'object' && value !== null ? Object.values(value).flatMap(values) : [value];

  it.each(['fr', 'ar'] as const)('%s has exactly the English keys, all translated', (language) => {
    expect(keys(text[language]).sort()).toEqual(keys(text.en).sort());
    for (const value of values(text[language])) {
      expect(typeof value === 'string' && value.trim() !== '').toBe(true);
    }
  });

  // The web app words every problem by its code, so each code the API may answer with needs one.
  const unworded = (catalogue: Pick<Catalogue, 'problems'>): ErrorCode[] =>
    ERROR_CODES.filter((code) => !catalogue.problems[code]?.trim());

  it.each(['en', 'fr', 'ar'] as const)('%s words every error code', (language) => {
    expect(unworded(text[language])).toEqual([]);
    if (language !== 'en') {
      const copied = ERROR_CODES.filter(
        (code) => text[language].problems[code] === text.en.problems[code],
      );
      expect(copied).toEqual([]);
    }
  });

  it('finds a code left without words', () => {
    const problems = { ...text.en.problems, 'state-withdrawn': undefined, conflict: ' ' };
    expect(unworded({ problems })).toEqual(['conflict', 'state-withdrawn']);
  });
});
