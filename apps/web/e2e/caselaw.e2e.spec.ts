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
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { heading, readKeysText, setUpKeys } from './support/keys';

type Language = 'en' | 'fr' | 'ar';

/** The parts of the app's catalogue these tests read. */
interface AppText {
  language: { label: string };
  nav: { signOut: string };
  stepUp: { title: string; confirm: string };
  forbidden: { title: string };
}

/** The parts of the case-law catalogue these tests read. */
interface CaselawText {
  nav: string;
  search: { title: string; label: string; submit: string };
  facets: { article: string; clear: string };
  results: { count: string };
  entry: {
    languageTabs: string;
    copyCitation: string;
    copied: string;
    back: string;
    summary: string;
  };
  editor: {
    title: string;
    edit: string;
    newEntry: string;
    createDraft: string;
    save: string;
    saved: string;
    fixErrors: string;
    tabs: { edit: string; preview: string; history: string };
    fields: {
      title: string;
      summary: string;
      documentNumber: string;
      chamber: string;
      date: string;
      documentType: string;
      sourceParts: { title: string };
    };
  };
  workflow: {
    submit: string;
    publish: string;
    readerView: string;
    waitingForReview: string;
    reviewBy: string;
    ownWork: string;
    done: { submit: string; publish: string };
  };
  history: { title: string; compare: string; publication: string };
  topics: { open: string; title: string; key: string; label: string; submit: string };
  transfer: { refused: string; problems: string; entryRow: string; exportJson: string };
}

interface SeedEntry {
  id: string;
  content: {
    title: Record<'en' | 'fr' | 'ar' | 'es', string>;
    documentNumbers?: string[];
  };
}

const fill = (template: string, values: Record<string, string>): string =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');

const readJson = <T>(path: string): T =>
  JSON.parse(readFileSync(join(repoRoot(), path), 'utf8')) as T;

const app: Record<Language, AppText> = {
  en: readJson('apps/web/src/i18n/en.json'),
  fr: readJson('apps/web/src/i18n/fr.json'),
  ar: readJson('apps/web/src/i18n/ar.json'),
};
const text: Record<Language, CaselawText> = {
  en: readJson('apps/web/src/caselaw/i18n/en.json'),
  fr: readJson('apps/web/src/caselaw/i18n/fr.json'),
  ar: readJson('apps/web/src/caselaw/i18n/ar.json'),
};
const keysText = readKeysText('en');
const nativeName: Record<Language, string> = { en: 'English', fr: 'Français', ar: 'العربية' };
const screenshotDir = join(repoRoot(), 'artifacts/screenshots');

const seed = readJson<{ entries: SeedEntry[] }>('migrations/data/caselaw-seed.json').entries;
const byNumber = (number: string): SeedEntry => {
  const found = seed.find((e) => e.content.documentNumbers?.includes(number));
  if (!found) throw new Error(`the seed has no ${number}`);
  return found;
};
const nexus = byNumber('ICC-ACRed-01/16');
const mongolia = byNumber('ICC-01/22-90');
const explainer = seed.find((e) => e.content.title.en.startsWith('Non-cooperation: findings'));

interface Person {
  name: string;
  email: string;
  context: BrowserContext;
  page: Page;
  problems: PageProblems;
}

let server: BuiltServer;
const people: Person[] = [];
let admin: Person;
let focal: Person;
let facilitator: Person;
let reviewer: Person;

async function newPerson(name: string, email: string): Promise<Person> {
  const context = await launchBrowser();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(10_000);
  const problems = await watchPageProblems(page);
  await addVirtualAuthenticator(page);
  const person = { name, email, context, page, problems };
  people.push(person);
  return person;
}

const signedOutCheck = (problem: string): boolean =>
  problem.includes('/api/v1/me') && /\b401\b/.test(problem);

function expectNoProblems(person: Person, allowed: (problem: string) => boolean = () => false) {
  const seen = person.problems.list.filter((p) => !signedOutCheck(p) && !allowed(p));
  person.problems.clear();
  expect({ person: person.name, problems: seen }).toEqual({ person: person.name, problems: [] });
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(screenshotDir, `caselaw-${name}.png`), fullPage: true });
}

async function chooseLanguage(page: Page, from: Language, to: Language): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: app[from].language.label }).click();
  await page.getByRole('option', { name: nativeName[to] }).click();
  await page.locator(`html[lang="${to}"]`).waitFor({ state: 'attached' });
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

/** Sensitive calls made here through the API get the passkey confirmation a sign-in gives. */
async function freshConfirmation(email: string): Promise<void> {
  await withDatabase((client) =>
    client.query(
      `UPDATE sessions SET verified_at = now()
        WHERE revoked_at IS NULL AND user_id = (SELECT id FROM users WHERE email = $1)`,
      [email],
    ),
  );
}

/** Invites through the API with the admin's session; the screens are covered elsewhere. */
async function invite(invitee: {
  name: string;
  email: string;
  roles: string[];
  stateCode: string | null;
}): Promise<string> {
  await freshConfirmation(admin.email);
  const response = await admin.page.request.post(`${server.url}/api/v1/invitations`, {
    headers: { 'X-Coop-Csrf': '1' },
    data: {
      displayName: invitee.name,
      email: invitee.email,
      roles: invitee.roles,
      stateCode: invitee.stateCode,
    },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { link: string }).link;
}

async function register(person: Person, link: string): Promise<void> {
  await person.page.goto(link);
  await person.page.getByRole('button', { name: 'Create my passkey and sign in' }).click();
  await setUpKeys(person.page, keysText);
  await heading(person.page, `Welcome, ${person.name}`);
}

async function openCaselaw(person: Person): Promise<void> {
  await person.page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: text.en.nav })
    .click();
  await heading(person.page, text.en.search.title);
}

async function search(page: Page, language: Language, query: string): Promise<void> {
  const form = page.getByRole('search', { name: text[language].search.label });
  await form.getByRole('searchbox', { name: text[language].search.label }).fill(query);
  await form.getByRole('button', { name: text[language].search.submit }).click();
}

const results = (page: Page): Locator => page.locator('ol.caselaw-results > li');

/**
 * Waits until the result titled `title` is among the first `within` results with a marked
 * word matching `marked`, and returns its position. Earlier results stay on screen while a
 * new search runs, so the wait is on the content itself.
 */
async function rankOf(page: Page, title: string, marked: RegExp, within = 3): Promise<number> {
  const found = await page.waitForFunction(
    ([wanted, pattern, flags, limit]) => {
      const items = [...document.querySelectorAll('ol.caselaw-results > li')].slice(0, limit);
      const index = items.findIndex(
        (item) =>
          item.querySelector('h3')?.textContent?.trim() === wanted &&
          [...item.querySelectorAll('mark')].some((m) =>
            new RegExp(pattern, flags).test(m.textContent ?? ''),
          ),
      );
      return index >= 0 ? index + 1 : 0;
    },
    [title, marked.source, marked.flags, within] as const,
  );
  return (await found.jsonValue()) - 1;
}

describe('the case-law tab in the browser', () => {
  beforeAll(async () => {
    mkdirSync(screenshotDir, { recursive: true });
    server = await startBuiltServer({ AUTH_RATE_LIMIT_PER_MINUTE: '1000' });

    const printed = runCli(
      ['bootstrap-admin', '--name', 'Ada Admin', '--email', 'ada@example.org'],
      { DATABASE_URL: server.database.url, PUBLIC_ORIGIN: server.url, LOG_LEVEL: 'warn' },
    );
    const link = /(http:\/\/\S+\/invite#[A-Za-z0-9_-]{43})/.exec(printed)?.[1] ?? '';
    admin = await newPerson('Ada Admin', 'ada@example.org');
    await admin.page.goto(link);
    await admin.page.getByRole('button', { name: 'Create my passkey and sign in' }).click();
    await setUpKeys(admin.page, keysText);
    await heading(admin.page, 'Welcome, Ada Admin');

    const focalLink = await invite({
      name: 'Samba Senegal',
      email: 'samba@example.org',
      roles: ['focal_point'],
      stateCode: 'SEN',
    });
    const facilitatorLink = await invite({
      name: 'Fatou Facilitator',
      email: 'fatou@example.org',
      roles: ['facilitator'],
      stateCode: null,
    });
    const reviewerLink = await invite({
      name: 'Rafael Reviewer',
      email: 'rafael@example.org',
      roles: ['facilitator'],
      stateCode: null,
    });
    focal = await newPerson('Samba Senegal', 'samba@example.org');
    facilitator = await newPerson('Fatou Facilitator', 'fatou@example.org');
    reviewer = await newPerson('Rafael Reviewer', 'rafael@example.org');
    await Promise.all([
      register(focal, focalLink),
      register(facilitator, facilitatorLink),
      register(reviewer, reviewerLink),
    ]);
  }, 90_000);

  afterAll(async () => {
    for (const person of people) await person.context.close();
    await server?.stop();
  });

  it('finds the nexus decision from an Arabic search, with the matching words marked', async () => {
    const { page } = focal;
    await openCaselaw(focal);
    // A focal point never sees the editors' controls.
    expect(await page.getByRole('link', { name: text.en.editor.title }).count()).toBe(0);
    await results(page).first().waitFor();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'search-en');

    await chooseLanguage(page, 'en', 'ar');
    await heading(page, text.ar.search.title);
    await search(page, 'ar', 'تجميد الأصول');
    const rank = await rankOf(page, nexus.content.title.ar, /تجميد|الأصول/);
    const snippet = results(page).nth(rank).locator('p.caselaw-snippet');
    expect(await snippet.getAttribute('lang')).toBe('ar');
    expect(await snippet.getAttribute('dir')).toBe('rtl');
    // The search is in the address, so it can be shared.
    expect(new URL(page.url()).searchParams.get('q')).toBe('تجميد الأصول');
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'search-ar');
    expectNoProblems(focal);
  });

  it('searches « gel des avoirs » with the interface in French', async () => {
    const { page } = focal;
    await chooseLanguage(page, 'ar', 'fr');
    await heading(page, text.fr.search.title);
    await search(page, 'fr', '« gel des avoirs »');
    await rankOf(page, nexus.content.title.fr, /gel|avoirs/i);
    expect(new URL(page.url()).searchParams.get('q')).toBe('« gel des avoirs »');
    await chooseLanguage(page, 'fr', 'en');
    expectNoProblems(focal);
  });

  it('opens ICC-01/22-90 by its number, reads it in Arabic and copies the citation', async () => {
    const { page } = focal;
    const t = text.en;
    await search(page, 'en', 'ICC-01/22-90');
    await heading(page, mongolia.content.title.en);
    expect(new URL(page.url()).pathname).toBe(`/caselaw/${mongolia.id}`);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await page.getByRole('link', { name: t.editor.edit }).count()).toBe(0);

    const tabs = page.getByRole('tablist', { name: t.entry.languageTabs });
    for (const name of ['English', 'Français', 'العربية', 'Español']) {
      await tabs.getByRole('tab', { name }).waitFor();
    }
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'entry-en');

    await tabs.getByRole('tab', { name: 'العربية' }).click();
    const panel = page.getByRole('tabpanel');
    const arabic = panel.locator('[lang="ar"][dir="rtl"]').first();
    await arabic.getByText('منغوليا', { exact: false }).first().waitFor();
    await heading(page, mongolia.content.title.ar);
    expect(await page.locator('h1').getAttribute('dir')).toBe('rtl');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('ar');

    // The citation follows the language being read.
    await page.getByRole('button', { name: t.entry.copyCitation }).click();
    await page.getByRole('status').getByText(t.entry.copied).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `المحكمة الجنائية الدولية، الدائرة التمهيدية الثانية، ${mongolia.content.title.ar}، ICC-01/22-90، 24 تشرين الأول/أكتوبر 2024`,
    );
    await screenshot(page, 'entry-ar-tab');

    await tabs.getByRole('tab', { name: 'English' }).click();
    await heading(page, mongolia.content.title.en);
    await page.getByRole('button', { name: t.entry.copyCitation }).click();
    await page.getByRole('status').getByText(t.entry.copied).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      'ICC, Pre-Trial Chamber II, Finding under article 87(7) of the Rome Statute on the non-compliance by Mongolia, ICC-01/22-90, 24 October 2024',
    );

    // The whole page in Arabic.
    await chooseLanguage(page, 'en', 'ar');
    await page.getByRole('tablist', { name: text.ar.entry.languageTabs }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'entry-ar');
    await chooseLanguage(page, 'ar', 'en');
    expectNoProblems(focal);
  });

  it('filters by the article 87(7) facet, and the filter is in the address', async () => {
    const { page } = focal;
    await page.getByRole('link', { name: text.en.entry.back }).click();
    await heading(page, text.en.search.title);
    await results(page).first().waitFor();
    const group = page.getByRole('group', { name: text.en.facets.article });
    const option = group.locator('label', { hasText: 'Art. 87(7)' });
    const facetCount = Number(await option.locator('.caselaw-facet__count').textContent());
    expect(facetCount).toBeGreaterThan(1);
    await option.click();
    await page.waitForURL((url) => url.searchParams.get('article') === 'statute:87(7)');
    await page
      .getByRole('status')
      .getByText(fill(text.en.results.count, { count: String(facetCount) }))
      .waitFor();
    expect(await results(page).count()).toBe(facetCount);
    expect(await group.getByRole('checkbox', { name: /^Art\. 87\(7\)/ }).isChecked()).toBe(true);
    expect(await results(page).locator('h3').allTextContents()).toContain(
      mongolia.content.title.en,
    );

    // An explainer reads like an entry, with its body in each language; the way back keeps the filter.
    const title = explainer?.content.title.en ?? 'an explainer';
    await results(page).getByRole('link', { name: title }).click();
    await heading(page, title);
    await page.getByRole('tabpanel').locator('.caselaw-text[lang="en"] p').first().waitFor();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'explainer-en');
    await page.getByRole('link', { name: text.en.entry.back }).click();
    await page.waitForURL((url) => url.searchParams.get('article') === 'statute:87(7)');
    expectNoProblems(focal);
  });

  it('lets a facilitator write and preview an entry that a second one publishes, and readers then find', async () => {
    const { page } = facilitator;
    const t = text.en;
    const marker = 'Quetzalcoatlus';
    await openCaselaw(facilitator);
    await page.getByRole('link', { name: t.editor.title }).click();
    await heading(page, t.editor.title);
    await page.locator('tbody tr').first().waitFor();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'editor-list-en');

    await page.getByRole('link', { name: t.editor.newEntry }).click();
    await heading(page, t.editor.newEntry);
    await page
      .getByRole('textbox', { name: `${t.editor.fields.title} (English)` })
      .fill(`${marker} decision on the freezing of assets`);
    const hostile = [
      `The Chamber ordered the freezing of the ${marker} assets.`,
      '',
      '<script>window.__caselawScript = 1</script> <img src=x onerror="window.__caselawScript = 2">',
      '',
      '[Read the order](javascript:window.__caselawScript=3) and [the record](https://www.icc-cpi.int/court-record).',
    ].join('\n');
    await page.getByRole('textbox', { name: `${t.editor.fields.summary} (English)` }).fill(hostile);
    await page
      .getByRole('textbox', { name: `${t.editor.fields.documentNumber} 1` })
      .fill('ICC-01/22-150');
    await page.getByRole('button', { name: new RegExp(`${t.editor.fields.chamber}$`) }).click();
    await page.getByRole('option', { name: 'Pre-Trial Chamber II', exact: true }).click();
    await page
      .getByRole('button', { name: new RegExp(`${t.editor.fields.documentType}$`) })
      .click();
    await page.getByRole('option', { name: 'Decision', exact: true }).click();
    await page.getByLabel(t.editor.fields.date, { exact: true }).fill('2025-11-03');
    await page
      .getByRole('textbox', { name: t.editor.fields.sourceParts.title })
      .fill('Report of the Bureau on cooperation');

    // A topic the vocabulary lacks is added in the four languages, and chosen at once.
    await page.getByRole('button', { name: t.topics.open }).click();
    const topicDialog = page.getByRole('dialog', { name: t.topics.title });
    await topicDialog.getByRole('textbox', { name: t.topics.key }).fill('asset-declarations');
    const topicLabels: [string, string][] = [
      ['English', 'Asset declarations'],
      ['Français', 'Déclarations de patrimoine'],
      ['العربية', 'إقرارات الذمة المالية'],
      ['Español', 'Declaraciones patrimoniales'],
    ];
    for (const [language, label] of topicLabels) {
      await topicDialog
        .getByRole('textbox', { name: `${t.topics.label} (${language})` })
        .fill(label);
    }
    await topicDialog.getByRole('button', { name: t.topics.submit }).click();
    await topicDialog.waitFor({ state: 'detached' });
    const topic = page.getByRole('checkbox', { name: 'Asset declarations' });
    await topic.waitFor({ state: 'attached' });
    expect(await topic.isChecked()).toBe(true);

    // The preview renders the Markdown inert: the script is text, the javascript: link is not one.
    await page.getByRole('tab', { name: t.editor.tabs.preview }).click();
    const preview = page.getByRole('tabpanel');
    await preview
      .getByText('<script>window.__caselawScript = 1</script>', { exact: false })
      .waitFor();
    await preview.getByText('Read the order', { exact: true }).waitFor();
    expect(await preview.locator('a', { hasText: 'Read the order' }).count()).toBe(0);
    expect(await preview.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(await preview.locator('a', { hasText: 'the record' }).getAttribute('href')).toBe(
      'https://www.icc-cpi.int/court-record',
    );
    expect(
      await page.evaluate(() => 'caselawScriptRan' in window || '__caselawScript' in window),
    ).toBe(false);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'editor-preview-en');

    // The contracts refuse a link that is not https, before anything is sent.
    await page.getByRole('tab', { name: t.editor.tabs.edit }).click();
    await page.getByRole('button', { name: t.editor.createDraft }).click();
    await page.getByRole('alert').getByText(t.editor.fixErrors).waitFor();
    await page
      .getByRole('textbox', { name: `${t.editor.fields.summary} (English)` })
      .fill(hostile.replace('(javascript:window.__caselawScript=3)', '(https://www.icc-cpi.int/)'));
    await page.getByRole('button', { name: t.editor.createDraft }).click();
    await page.waitForURL(/\/caselaw\/editor\/[0-9a-f-]{36}$/);
    await page.getByRole('button', { name: text.en.workflow.submit }).click();
    await page.getByRole('status').getByText(text.en.workflow.done.submit).waitFor();
    // Its author cannot publish it: a second facilitator must review it first.
    await page.getByText(t.workflow.waitingForReview).waitFor();
    await page.getByText(t.workflow.ownWork).waitFor();
    expect(await page.getByRole('button', { name: t.workflow.publish }).isDisabled()).toBe(true);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'editor-waiting-en');
    const entryUrl = page.url();

    const second = reviewer.page;
    // A fresh load locks the keys; the editor does not need them, so nothing is asked.
    await second.goto(entryUrl);
    await second.getByText(fill(t.workflow.reviewBy, { names: facilitator.name })).waitFor();
    await second.getByRole('button', { name: t.workflow.publish }).click();
    const stepUp = second.getByRole('dialog', { name: app.en.stepUp.title });
    const published = second
      .getByRole('status')
      .getByText(fill(t.workflow.done.publish, { revision: '1' }));
    await stepUp.or(published).first().waitFor();
    if (await stepUp.isVisible())
      await stepUp.getByRole('button', { name: app.en.stepUp.confirm }).click();
    await published.waitFor();
    await expectNoSeriousA11yViolations(second);
    await screenshot(second, 'editor-en');
    await chooseLanguage(second, 'en', 'ar');
    await second.getByRole('tab', { name: text.ar.editor.tabs.preview }).waitFor();
    await expectNoSeriousA11yViolations(second);
    await screenshot(second, 'editor-ar');
    await chooseLanguage(second, 'ar', 'en');
    expectNoProblems(reviewer);

    // Back with the author, who sees the entry published.
    await page.goto(entryUrl);
    await page.getByRole('link', { name: t.workflow.readerView }).waitFor();

    // A second revision, and the difference between the two.
    await page
      .getByRole('textbox', { name: `${t.editor.fields.title} (English)` })
      .fill(`${marker} decision on freezing and seizing assets`);
    await page.getByRole('button', { name: t.editor.save }).click();
    await page
      .getByRole('status')
      .getByText(fill(t.editor.saved, { number: '2' }))
      .waitFor();
    await page.getByRole('tab', { name: t.editor.tabs.history }).click();
    const history = page.getByRole('table', { name: t.history.title });
    // The history names the reviewer who published revision 1, apart from its author.
    const first = history
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: /^1\b/ }) });
    await first.getByRole('cell', { name: facilitator.name, exact: true }).waitFor();
    await first
      .locator('.caselaw-history__publication', {
        hasText: new RegExp(`^${fill(t.history.publication, { who: reviewer.name, when: '' })}`),
      })
      .waitFor();
    const change = page.locator('.caselaw-change', { hasText: 'Title (English)' });
    await change
      .locator('del', { hasText: `${marker} decision on the freezing of assets` })
      .waitFor();
    await change
      .locator('ins', { hasText: `${marker} decision on freezing and seizing assets` })
      .waitFor();
    await screenshot(page, 'editor-history-en');
    expectNoProblems(facilitator);

    // The focal point finds the published revision; its Markdown stays inert there too.
    const reader = focal.page;
    await reader.getByRole('button', { name: text.en.facets.clear }).click();
    await reader.waitForURL((url) => !url.searchParams.has('article'));
    await search(reader, 'en', marker);
    expect(
      await rankOf(reader, `${marker} decision on the freezing of assets`, /Quetzalcoatlus/),
    ).toBe(0);
    await results(reader).first().getByRole('link').click();
    await heading(reader, `${marker} decision on the freezing of assets`);
    const summary = reader.getByRole('tabpanel');
    await summary
      .getByText('<script>window.__caselawScript = 1</script>', { exact: false })
      .waitFor();
    expect(await summary.locator('script, img').count()).toBe(0);
    expect(await reader.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(await reader.evaluate(() => '__caselawScript' in window)).toBe(false);
    expectNoProblems(focal);
  });

  it('exports every entry after a passkey confirmation, and refuses a broken import whole', async () => {
    const { page } = facilitator;
    await page.getByRole('link', { name: 'Back to the editor’s list' }).click();
    await heading(page, text.en.editor.title);
    await freshConfirmation(facilitator.email);
    const file = {
      format: 'coop-caselaw',
      version: 1,
      entries: [{ id: '7b0c8a2e-1f7e-4d7e-9a55-3f1c0e4b9d21', content: { kind: 'entry' } }],
    };
    await page.locator('input[type="file"]').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    await page.getByRole('alert').getByText(text.en.transfer.refused, { exact: true }).waitFor();
    const table = page.getByRole('table', { name: text.en.transfer.problems });
    await table
      .getByRole('cell', { name: fill(text.en.transfer.entryRow, { number: '1' }) })
      .first()
      .waitFor();

    // The browser downloads the export itself, after the confirmation the API requires.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: text.en.transfer.exportJson }).click();
    await page
      .getByRole('dialog', { name: app.en.stepUp.title })
      .getByRole('button', { name: app.en.stepUp.confirm })
      .click();
    const exportedFile = await download;
    expect(exportedFile.suggestedFilename()).toMatch(/^caselaw-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(readFileSync(await exportedFile.path(), 'utf8')) as {
      format: string;
      entries: { status: string; content: { title: { en?: string } } }[];
    };
    expect(exported.format).toBe('coop-caselaw');
    expect(exported.entries.map((e) => e.content.title.en)).toContain(
      'Quetzalcoatlus decision on freezing and seizing assets',
    );
    expectNoProblems(facilitator, (p) => p.includes('/caselaw/editor/import') && /\b422\b/.test(p));
  });

  it('keeps the editor for facilitators', async () => {
    const { page } = focal;
    await page.goto(`${server.url}/caselaw/editor`);
    await heading(page, app.en.forbidden.title);
    expectNoProblems(focal);
  });
});
