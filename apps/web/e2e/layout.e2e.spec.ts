import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, runCli } from '@coop/testing';
import {
  addVirtualAuthenticator,
  expectNoSeriousA11yViolations,
  launchBrowser,
  startBuiltServer,
  watchPageProblems,
  type BuiltServer,
  type PageProblems,
} from '@coop/testing/browser';
import { Client } from 'pg';
import type { BrowserContext, Page } from 'playwright-core';
import { heading, readKeysText, setUpKeys } from './support/keys';

type Language = 'en' | 'ar';

/** The part of the message catalogue these tests read. */
interface Catalogue {
  app: { menu: string; primaryNavigation: string };
  language: { label: string };
  nav: { account: string; signOut: string };
  invite: { button: string };
}

const text: Record<Language, Catalogue> = {
  en: JSON.parse(readFileSync(join(repoRoot(), 'apps/web/src/i18n/en.json'), 'utf8')) as Catalogue,
  ar: JSON.parse(readFileSync(join(repoRoot(), 'apps/web/src/i18n/ar.json'), 'utf8')) as Catalogue,
};
const nativeName: Record<Language, string> = { en: 'English', ar: 'العربية' };
const keysText = readKeysText('en');
const screenshotDir = join(repoRoot(), 'artifacts/screenshots');

const sizes = [
  { name: 'phone', width: 360, height: 740 },
  { name: 'desktop', width: 1280, height: 800 },
] as const;

const seed = (
  JSON.parse(readFileSync(join(repoRoot(), 'migrations/data/caselaw-seed.json'), 'utf8')) as {
    entries: { id: string }[];
  }
).entries;

// Names with no place to break, as people type them: the layout has to wrap them anyway.
const longName = 'Maximiliana Wolfeschlegelsteinhausenbergerdorffvoralternwarengewissenhaft';
const longEmail = 'maximiliana.wolfeschlegelsteinhausenbergerdorffvoralternwaren@example.org';
const pendingEmail = 'bartholomew.featherstonehaughcholmondeleymarjoribanks@example.org';

interface Person {
  context: BrowserContext;
  page: Page;
  problems: PageProblems;
}

/** A screen, what shows once its data has arrived, and anything more to check there. */
interface Screen {
  path: string;
  ready?: string;
  check?: (page: Page) => Promise<void>;
  /** A name for a screenshot of it in artifacts/screenshots. */
  shot?: string;
}

let server: BuiltServer;
const people: Person[] = [];
let admin: Person;
let facilitator: Person;
let visitor: Person;
let facilitatorId: string;

async function newPerson(): Promise<Person> {
  const context = await launchBrowser();
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(10_000);
  const problems = await watchPageProblems(page);
  await addVirtualAuthenticator(page);
  const person = { context, page, problems };
  people.push(person);
  return person;
}

async function withDatabase<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: server.database.url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function invite(body: Record<string, unknown>): Promise<string> {
  // Inviting needs a recent passkey confirmation; the admin's sign-in is one.
  await withDatabase((client) =>
    client.query(`UPDATE sessions SET verified_at = now() WHERE revoked_at IS NULL`),
  );
  const response = await admin.page.request.post(`${server.url}/api/v1/invitations`, {
    headers: { 'X-Coop-Csrf': '1' },
    data: body,
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { link: string }).link;
}

async function register(person: Person, link: string, name: string): Promise<void> {
  await person.page.goto(link);
  await person.page.getByRole('button', { name: text.en.invite.button }).click();
  await setUpKeys(person.page, keysText);
  await heading(person.page, `Welcome, ${name}`);
}

/**
 * An in-app navigation, as a link would do it: a reload would lock the keys, which live in
 * memory only. Waits for the new page's heading and for its data.
 */
async function visit(page: Page, screen: Screen): Promise<void> {
  await page.evaluate((path) => {
    const marked = window as Window & { previousHeading?: Element | null };
    marked.previousHeading = document.querySelector('main h1');
    window.history.pushState(null, '', path);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, screen.path);
  await page.waitForFunction(() => {
    const marked = window as Window & { previousHeading?: Element | null };
    const title = document.querySelector('main h1');
    return (
      title !== null &&
      title !== marked.previousHeading &&
      !document.querySelector('main .loading, main [aria-busy="true"]')
    );
  });
  if (screen.ready) await page.locator(screen.ready).first().waitFor();
}

/**
 * What sticks out sideways: the page itself wider than the window, any element past the
 * window's edges, or past the edges of an ancestor that clips it. On a phone a region that
 * scrolls sideways counts too; wider, a table may scroll inside its own region. Only the
 * outermost element of each overflow is named.
 */
async function overflows(page: Page, phone: boolean): Promise<string[]> {
  return page.evaluate((strict) => {
    const found: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > window.innerWidth) {
      found.push(`the page is ${root.scrollWidth}px wide in a ${window.innerWidth}px window`);
    }
    const describe = (element: Element) => {
      const classes = [...element.classList].join('.');
      const words = (element.textContent ?? '').trim().slice(0, 40);
      return `${element.tagName.toLowerCase()}${classes ? `.${classes}` : ''} "${words}"`;
    };
    const outside = (inner: DOMRect, left: number, right: number) =>
      inner.left < left - 1 || inner.right > right + 1;
    // Where an element sits: inside visually hidden text (a 1px clipping box, nothing on
    // screen), inside a region that scrolls it into reach, or cut by an ancestor.
    const placement = (box: DOMRect, parent: Element | null) => {
      let problem: string | null = null;
      let scrolls = false;
      for (let up = parent; up && up !== root; up = up.parentElement) {
        const overflow = getComputedStyle(up).overflowX;
        if (overflow === 'visible') continue;
        const clip = up.getBoundingClientRect();
        if (clip.width <= 1 || clip.height <= 1) return 'hidden';
        if (outside(box, clip.left, clip.right)) {
          if (!strict && (overflow === 'auto' || overflow === 'scroll')) scrolls = true;
          else problem ??= `is cut by ${describe(up)}`;
        }
      }
      if (!scrolls && outside(box, 0, window.innerWidth)) return 'passes the window edge';
      return problem;
    };
    const flagged = new Set<Element>();
    for (const element of document.body.querySelectorAll('*')) {
      if (element.parentElement && flagged.has(element.parentElement)) {
        flagged.add(element);
        continue;
      }
      const box = element.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) continue;
      const problem = placement(box, element.parentElement);
      if (problem && problem !== 'hidden') {
        flagged.add(element);
        found.push(`${describe(element)} ${problem}`);
      }
    }
    // Text can run out of a box that itself fits.
    const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = texts.nextNode(); node; node = texts.nextNode()) {
      const parent = node.parentElement;
      if (!parent || flagged.has(parent) || !(node.textContent ?? '').trim()) continue;
      range.selectNodeContents(node);
      const box = range.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) continue;
      const problem = placement(box, parent);
      if (problem && problem !== 'hidden') {
        flagged.add(parent);
        found.push(`the text of ${describe(parent)} ${problem}`);
      }
    }
    return found;
  }, phone);
}

/** The safety number: every group on one line and inside the list; the list cuts nothing. */
async function checkSafetyNumber(page: Page): Promise<void> {
  const seen = await page
    .locator('ol.keys-number')
    .first()
    .evaluate((list) => {
      const problems: string[] = [];
      if (list.scrollWidth > list.clientWidth) {
        problems.push(`the list is ${list.scrollWidth}px wide in ${list.clientWidth}px`);
      }
      const edges = list.getBoundingClientRect();
      const groups = [...list.querySelectorAll('li')];
      for (const group of groups) {
        const box = group.getBoundingClientRect();
        if (
          group.getClientRects().length !== 1 ||
          box.height > 2 * parseFloat(getComputedStyle(group).lineHeight)
        ) {
          problems.push(`group ${group.textContent ?? ''} breaks across lines`);
        }
        if (box.left < edges.left - 1 || box.right > edges.right + 1) {
          problems.push(`group ${group.textContent ?? ''} sticks out`);
        }
      }
      return { digits: groups.map((group) => group.textContent ?? '').join(''), problems };
    });
  expect(seen.problems).toEqual([]);
  expect(seen.digits).toMatch(/^\d{60}$/);
}

async function chooseLanguage(page: Page, from: Language, to: Language): Promise<void> {
  await page.getByRole('button', { name: text[from].language.label }).click();
  await page.getByRole('option', { name: nativeName[to] }).click();
  await page.locator(`html[lang="${to}"]`).waitFor({ state: 'attached' });
}

async function checkScreens(
  person: Person,
  screens: Screen[],
  where: string,
  phone: boolean,
): Promise<void> {
  const seen: Record<string, string[]> = {};
  for (const screen of screens) {
    await visit(person.page, screen);
    const found = await overflows(person.page, phone);
    if (found.length > 0) seen[`${where} ${screen.path}`] = found;
    if (screen.shot) {
      await person.page.screenshot({
        path: join(screenshotDir, `layout-${screen.shot}-${where.replace(' ', '-')}.png`),
        fullPage: true,
      });
    }
    await screen.check?.(person.page);
  }
  expect(seen).toEqual({});
}

/** At phone width the navigation sits behind a menu button that opens, closes and navigates. */
async function checkMenu(page: Page, language: Language): Promise<void> {
  const t = text[language];
  const button = page.getByRole('banner').getByRole('button', { name: t.app.menu });
  const nav = page.getByRole('navigation', { name: t.app.primaryNavigation });
  expect(await button.getAttribute('aria-expanded')).toBe('false');
  expect(await nav.isVisible()).toBe(false);
  const header = await page.getByRole('banner').boundingBox();
  expect(header?.height).toBeLessThan(740 / 6);
  // The button sits at the end of the bar: the left in Arabic, the right in English.
  const brand = await page.getByRole('banner').getByRole('link').first().boundingBox();
  const place = await button.boundingBox();
  if (language === 'ar') expect(place?.x).toBeLessThan(brand?.x ?? 0);
  else expect(place?.x).toBeGreaterThan(brand?.x ?? 0);

  const controls = (await button.getAttribute('aria-controls')) ?? '';
  expect(await page.locator(`[id="${controls}"]`).count()).toBe(1);
  await button.click();
  expect(await button.getAttribute('aria-expanded')).toBe('true');
  await nav.waitFor();
  expect(await page.locator(`[id="${controls}"]`).getByRole('navigation').count()).toBe(1);
  expect(await overflows(page, true)).toEqual([]);
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: join(screenshotDir, `layout-menu-${language}.png`) });
  await page.keyboard.press('Escape');
  await nav.waitFor({ state: 'hidden' });
  expect(await button.getAttribute('aria-expanded')).toBe('false');
  expect(await button.evaluate((element) => element === document.activeElement)).toBe(true);

  await button.click();
  await nav.getByRole('link', { name: t.nav.account }).click();
  await page.locator('main h1').waitFor();
  expect(new URL(page.url()).pathname).toBe('/account');
  await nav.waitFor({ state: 'hidden' });
  expect(await button.getAttribute('aria-expanded')).toBe('false');
  // The account page's tables, read as cards.
  await page.locator('main table tbody tr').first().waitFor();
  await expectNoSeriousA11yViolations(page);
}

describe('every screen fits a phone and a desktop, in English and Arabic', () => {
  beforeAll(async () => {
    mkdirSync(screenshotDir, { recursive: true });
    server = await startBuiltServer({ AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
    const printed = runCli(
      ['bootstrap-admin', '--name', 'Ada Admin', '--email', 'ada@example.org'],
      { DATABASE_URL: server.database.url, PUBLIC_ORIGIN: server.url, LOG_LEVEL: 'warn' },
    );
    admin = await newPerson();
    await register(
      admin,
      /(http:\/\/\S+\/invite#[A-Za-z0-9_-]{43})/.exec(printed)?.[1] ?? '',
      'Ada Admin',
    );
    const link = await invite({
      displayName: longName,
      email: longEmail,
      roles: ['facilitator'],
      stateCode: null,
    });
    // Stays pending, so the invitations list has a row with a long address.
    await invite({
      displayName: 'Bartholomew Featherstonehaugh',
      email: pendingEmail,
      roles: ['focal_point'],
      stateCode: 'SEN',
    });
    facilitator = await newPerson();
    visitor = await newPerson();
    await register(facilitator, link, longName);
    facilitatorId = await withDatabase(async (client) => {
      const found = await client.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [
        longEmail,
      ]);
      return found.rows[0]?.id ?? '';
    });
  }, 60_000);

  afterAll(async () => {
    for (const person of people) await person.context.close();
    await server?.stop();
  });

  const adminScreens = (): Screen[] => [
    { path: '/caselaw', ready: 'ol.caselaw-results > li' },
    { path: `/caselaw/${seed[0]?.id ?? ''}` },
    { path: '/account', ready: 'main table tbody tr', shot: 'account' },
    { path: '/notices' },
    { path: '/people', ready: `main a[href="/people/${facilitatorId}"]` },
    {
      path: `/people/${facilitatorId}`,
      ready: 'ol.keys-number li',
      check: checkSafetyNumber,
      shot: 'contact',
    },
    { path: '/admin/users', ready: 'main table tbody tr' },
    { path: `/admin/users/${facilitatorId}`, ready: 'main table tbody tr' },
    { path: '/admin/invitations', ready: 'main table tbody tr', shot: 'invitations' },
    { path: '/admin/states', ready: 'main table tbody tr' },
    { path: '/admin/states/SEN' },
    { path: '/admin/approvals' },
    { path: '/admin/audit', ready: 'main table tbody tr' },
    { path: '/status', ready: '.status-card[aria-busy="false"]' },
    { path: '/' },
  ];
  const facilitatorScreens: Screen[] = [
    { path: '/caselaw/editor', ready: 'main table tbody tr' },
    { path: '/' },
  ];
  const visitorScreens: Screen[] = [{ path: '/status' }, { path: '/sign-in' }];

  // Arabic is chosen at desktop width, where the switcher is in sight without the menu.
  const runs = [
    { language: 'en', size: sizes[0] },
    { language: 'en', size: sizes[1] },
    { language: 'ar', size: sizes[1] },
    { language: 'ar', size: sizes[0] },
  ] as const;

  for (const { language, size } of runs) {
    it(`${language} at ${size.width}×${size.height}`, async () => {
      const where = `${language} ${size.name}`;
      const everyone = [admin, facilitator, visitor];
      for (const person of everyone) {
        await person.page.setViewportSize({ width: size.width, height: size.height });
      }
      if (visitor.page.url() === 'about:blank') await visitor.page.goto(`${server.url}/sign-in`);
      if (language === 'ar' && size.name === 'desktop') {
        for (const person of everyone) await chooseLanguage(person.page, 'en', 'ar');
      }
      expect(await admin.page.evaluate(() => document.documentElement.dir)).toBe(
        language === 'ar' ? 'rtl' : 'ltr',
      );

      await checkScreens(admin, adminScreens(), where, size.name === 'phone');
      await checkScreens(facilitator, facilitatorScreens, where, size.name === 'phone');
      await checkScreens(visitor, visitorScreens, where, size.name === 'phone');
      if (size.name === 'phone') await checkMenu(admin.page, language);

      for (const person of everyone) {
        const seen = person.problems.list.filter(
          (p) => !(p.includes('/api/v1/me') && /\b401\b/.test(p)),
        );
        person.problems.clear();
        expect(seen).toEqual([]);
      }
    });
  }
});
