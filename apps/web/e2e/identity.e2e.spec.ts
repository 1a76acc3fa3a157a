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
import { readKeysText, setUpKeys } from './support/keys';
import { recordWhatLeaves, type SentRequest } from './support/prf-capture';

type Language = 'en' | 'fr' | 'ar';

/** The part of a message catalogue these tests read. */
interface Catalogue {
  language: { label: string };
  nav: { home: string; account: string; admin: string; signOut: string };
  home: { title: string };
  signIn: { title: string; button: string };
  invite: {
    heading: { onboarding: string; bootstrap: string };
    passkeyName: string;
    button: string;
  };
  stepUp: { title: string; confirm: string };
  common: { cancel: string; save: string };
  account: { title: string };
  passkeys: {
    rename: string;
    renameTitle: string;
    nameLabel: string;
    revoke: string;
    revokeTitle: string;
  };
  sessions: { current: string };
  roles: { facilitator: string; focal_point: string };
  forbidden: { title: string };
  states: { title: string; search: string; history: { title: string } };
  approvals: {
    title: string;
    cancelOne: string;
    cancelled: string;
    request: { open: string; title: string; person: string; submit: string; done: string };
    decide: { approveOne: string };
  };
  audit: {
    title: string;
    export: string;
    filters: { action: string; apply: string };
  };
  admin: { nav: { users: string } };
  users: {
    title: string;
    statusChange: {
      reason: string;
      suspended: { open: string; title: string; confirm: string; done: string };
    };
  };
  invitations: {
    invite: string;
    form: { title: string; name: string; email: string; state: string; submit: string };
    link: { title: string; label: string; copy: string; copied: string; done: string };
  };
}

const fill = (template: string, values: Record<string, string>): string =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');

const catalogueDir = join(repoRoot(), 'apps/web/src/i18n');
const readCatalogue = (language: Language): Catalogue =>
  JSON.parse(readFileSync(join(catalogueDir, `${language}.json`), 'utf8')) as Catalogue;
const text: Record<Language, Catalogue> = {
  en: readCatalogue('en'),
  fr: readCatalogue('fr'),
  ar: readCatalogue('ar'),
};
// Every first sign-in sets up the account's encryption keys (covered in keys.e2e.spec.ts).
const keysText = readKeysText('en');
const nativeName: Record<Language, string> = { en: 'English', fr: 'Français', ar: 'العربية' };
const screenshotDir = join(repoRoot(), 'artifacts/screenshots');

/** One person: their own browser profile, page and passkey authenticator. */
interface Person {
  name: string;
  context: BrowserContext;
  page: Page;
  problems: PageProblems;
}

let server: BuiltServer;
const people: Person[] = [];
/** Everything every browser sent to the platform, for the PRF checks. */
const sent: SentRequest[] = [];
/** PRF outputs the authenticators gave the pages, base64url, reported by the capture script. */
const prfOutputs: string[] = [];

async function newPerson(name: string): Promise<Person> {
  const context = await launchBrowser();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(10_000);
  const problems = await watchPageProblems(page);
  await recordWhatLeaves(page, server.url, { sent, prfOutputs });
  await addVirtualAuthenticator(page);
  const person = { name, context, page, problems };
  people.push(person);
  return person;
}

/** Every page asks who is signed in; a signed-out visitor gets a 401 for that, as expected. */
const signedOutCheck = (problem: string): boolean =>
  problem.includes('/api/v1/me') && /\b401\b/.test(problem);

function expectNoProblems(person: Person, allowed: (problem: string) => boolean = () => false) {
  const seen = person.problems.list.filter((p) => !signedOutCheck(p) && !allowed(p));
  person.problems.clear();
  expect({ person: person.name, problems: seen }).toEqual({ person: person.name, problems: [] });
}

async function heading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(screenshotDir, `identity-${name}.png`), fullPage: true });
}

async function chooseLanguage(page: Page, from: Language, to: Language): Promise<void> {
  await page.getByRole('button', { name: text[from].language.label }).click();
  await page.getByRole('option', { name: nativeName[to] }).click();
  await page.locator(`html[lang="${to}"]`).waitFor({ state: 'attached' });
}

/** Opens an invitation link, keeps the suggested passkey name, registers and lands home. */
async function redeem(person: Person, link: string, displayName: string): Promise<void> {
  const { page } = person;
  await page.goto(link);
  await page.getByText(displayName, { exact: true }).waitFor();
  await page.getByRole('button', { name: text.en.invite.button }).click();
  await setUpKeys(page, keysText);
  await heading(page, text.en.home.title.replace('{{name}}', displayName));
  expect(new URL(page.url()).pathname).toBe('/');
  expect(new URL(page.url()).hash).toBe('');
}

/**
 * A sign-in counts as a passkey confirmation for a few minutes (at least one), so a test this
 * fast never needs another. Ageing the admin's last confirmation in the database brings the
 * step-up prompt back, as it would appear later in a working day.
 */
async function ageLastConfirmation(email: string): Promise<void> {
  const client = new Client({ connectionString: server.database.url });
  await client.connect();
  try {
    await client.query(
      `UPDATE sessions SET verified_at = now() - interval '1 hour'
        WHERE revoked_at IS NULL AND user_id = (SELECT id FROM users WHERE email = $1)`,
      [email],
    );
  } finally {
    await client.end();
  }
}

interface Invitee {
  name: string;
  email: string;
  role: 'facilitator' | 'focal_point';
  state?: string;
}

/** Invites someone from the People screen and copies the link from the one-time dialog. */
async function inviteThroughConsole(invitee: Invitee): Promise<string> {
  const { page } = admin;
  const t = text.en;
  await page.getByRole('button', { name: t.invitations.invite }).click();
  const form = page.getByRole('dialog', { name: t.invitations.form.title });
  await form.getByRole('textbox', { name: t.invitations.form.name }).fill(invitee.name);
  await form.getByRole('textbox', { name: t.invitations.form.email }).fill(invitee.email);
  await form.getByText(t.roles[invitee.role], { exact: true }).click();
  if (invitee.state) {
    await form.getByRole('button', { name: new RegExp(`${t.invitations.form.state}$`) }).click();
    await page.getByRole('option', { name: invitee.state, exact: true }).click();
  }
  await form.getByRole('button', { name: t.invitations.form.submit }).click();

  const shown = page.getByRole('dialog', {
    name: fill(t.invitations.link.title, { name: invitee.name }),
  });
  await shown.getByRole('button', { name: t.invitations.link.copy }).click();
  await shown.getByText(t.invitations.link.copied).waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const field = shown.getByRole('textbox', { name: t.invitations.link.label });
  expect(await field.inputValue()).toBe(link);
  expect(link).toMatch(new RegExp(`^${server.url}/invite#[A-Za-z0-9_-]{43}$`));
  await shown.getByRole('button', { name: t.invitations.link.done }).click();
  await shown.waitFor({ state: 'detached' });
  return link;
}

let admin: Person;
const invitees: Invitee[] = [
  { name: 'Fatou Facilitator', email: 'fatou@example.org', role: 'facilitator' },
  { name: 'Samba Senegal', email: 'samba@example.org', role: 'focal_point', state: 'Senegal' },
  { name: 'Francine France', email: 'francine@example.org', role: 'focal_point', state: 'France' },
];
const invited = new Map<string, Person>();

describe('identity and access in the browser', () => {
  beforeAll(async () => {
    mkdirSync(screenshotDir, { recursive: true });
    server = await startBuiltServer({ AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
  });

  afterAll(async () => {
    for (const person of people) await person.context.close();
    await server?.stop();
  });

  it('bootstraps the first Registry admin through the one-time link', async () => {
    const printed = runCli(
      ['bootstrap-admin', '--name', 'Ada Admin', '--email', 'ada@example.org'],
      {
        DATABASE_URL: server.database.url,
        PUBLIC_ORIGIN: server.url,
        LOG_LEVEL: 'warn',
      },
    );
    const link = /(http:\/\/\S+\/invite#[A-Za-z0-9_-]{43})/.exec(printed)?.[1];
    expect(link).toBeDefined();
    admin = await newPerson('admin');
    await admin.page.goto(link ?? '');
    await heading(admin.page, text.en.invite.heading.bootstrap);
    await admin.page.getByRole('button', { name: text.en.invite.button }).click();
    await setUpKeys(admin.page, keysText);
    await heading(admin.page, 'Welcome, Ada Admin');
    expect(new URL(admin.page.url()).hash).toBe('');
    await admin.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: text.en.nav.admin })
      .waitFor();
    expectNoProblems(admin);
  });

  it('signs out, then signs in again with the passkey', async () => {
    const { page } = admin;
    await page.getByRole('button', { name: text.en.nav.signOut }).click();
    await heading(page, text.en.signIn.title);
    expect((await page.request.get(`${server.url}/api/v1/me`)).status()).toBe(401);
    await page.getByRole('button', { name: text.en.signIn.button }).click();
    await heading(page, 'Welcome, Ada Admin');
    expectNoProblems(admin);
  });

  it('shows my account, renames a passkey and keeps the last one', async () => {
    const { page } = admin;
    const t = text.en;
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: t.nav.account })
      .click();
    await heading(page, t.account.title);
    // After an in-app navigation, focus starts at the new page's heading.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await page.getByText(t.sessions.current, { exact: true }).waitFor();

    await page.getByRole('button', { name: `${t.passkeys.rename} passkey This device` }).click();
    const rename = page.getByRole('dialog', { name: t.passkeys.renameTitle });
    await rename.getByRole('textbox', { name: t.passkeys.nameLabel }).fill('Office laptop');
    await rename.getByRole('button', { name: t.common.save }).click();
    await page.getByRole('rowheader', { name: 'Office laptop' }).waitFor();

    await page.getByRole('button', { name: `${t.passkeys.revoke} passkey Office laptop` }).click();
    const revoke = page.getByRole('alertdialog', {
      name: fill(t.passkeys.revokeTitle, { name: 'Office laptop' }),
    });
    await revoke.getByRole('button', { name: t.passkeys.revoke }).click();
    await revoke
      .getByRole('alert')
      .getByText('Add another passkey before revoking the last one.')
      .waitFor();
    await revoke.getByRole('button', { name: t.common.cancel }).click();
    await revoke.waitFor({ state: 'detached' });

    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'account-en');
    await chooseLanguage(page, 'en', 'ar');
    await heading(page, text.ar.account.title);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'account-ar');
    await chooseLanguage(page, 'ar', 'en');
    expectNoProblems(admin, (p) => p.includes('/api/v1/me/passkeys/') && /\b409\b/.test(p));
  });

  it('invites a facilitator and two focal points, who each register on their own device', async () => {
    const { page } = admin;
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: text.en.nav.admin })
      .click();
    await heading(page, text.en.users.title);
    const links = [];
    for (const invitee of invitees) links.push(await inviteThroughConsole(invitee));
    expectNoProblems(admin);

    for (const [index, invitee] of invitees.entries()) {
      const person = await newPerson(invitee.name);
      invited.set(invitee.name, person);
      if (index === 0) {
        // Before their first visit: the sign-in page, in English and in Arabic.
        await person.page.goto(`${server.url}/sign-in`);
        await heading(person.page, text.en.signIn.title);
        await expectNoSeriousA11yViolations(person.page);
        await screenshot(person.page, 'sign-in-en');
        await chooseLanguage(person.page, 'en', 'ar');
        await heading(person.page, text.ar.signIn.title);
        await expectNoSeriousA11yViolations(person.page);
        await screenshot(person.page, 'sign-in-ar');
        await chooseLanguage(person.page, 'ar', 'en');
      }
      await redeem(person, links[index], invitee.name);
      expectNoProblems(person);
    }

    // A link works once.
    const fatou = invited.get('Fatou Facilitator');
    await fatou?.page.goto(links[0]);
    await fatou?.page
      .getByRole('alert')
      .getByText(/^This invitation link is not valid/)
      .waitFor();
    if (fatou) expectNoProblems(fatou, (p) => p.includes('/auth/invitation') && /\b410\b/.test(p));

    // The console is for Registry admins only.
    await fatou?.page.goto(`${server.url}/admin/users`);
    if (fatou) await heading(fatou.page, text.en.forbidden.title);
    expect(await fatou?.page.getByRole('link', { name: text.en.nav.admin }).count()).toBe(0);

    // The reload locks the keys; the console does not need them, so nothing is asked.
    await page.reload();
    await heading(page, text.en.users.title);
    for (const invitee of invitees) await page.getByRole('link', { name: invitee.name }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'admin-users-en');
    await chooseLanguage(page, 'en', 'ar');
    await heading(page, text.ar.users.title);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'admin-users-ar');
    await chooseLanguage(page, 'ar', 'en');
    expectNoProblems(admin);
  });

  it('suspends a focal point after a passkey confirmation, which ends their session at once', async () => {
    const { page } = admin;
    const t = text.en;
    const samba = invited.get('Samba Senegal');
    if (!samba) throw new Error('Samba has not registered');
    await ageLastConfirmation('ada@example.org');

    await page.getByRole('link', { name: 'Samba Senegal' }).click();
    await heading(page, 'Samba Senegal');
    await page.getByRole('button', { name: t.users.statusChange.suspended.open }).click();
    const confirm = page.getByRole('alertdialog', {
      name: fill(t.users.statusChange.suspended.title, { name: 'Samba Senegal' }),
    });
    await confirm
      .getByRole('textbox', { name: t.users.statusChange.reason })
      .fill('Left the ministry');
    await confirm.getByRole('button', { name: t.users.statusChange.suspended.confirm }).click();

    // The API asks for a fresh passkey confirmation; declining leaves everything as it was.
    const stepUp = page.getByRole('dialog', { name: t.stepUp.title });
    await stepUp.getByRole('button', { name: t.common.cancel }).click();
    await stepUp.waitFor({ state: 'detached' });
    expect(await confirm.getByRole('alert').count()).toBe(0);
    await confirm.getByRole('button', { name: t.users.statusChange.suspended.confirm }).click();
    await stepUp.getByRole('button', { name: t.stepUp.confirm }).click();
    await page
      .getByRole('status')
      .getByText(fill(t.users.statusChange.suspended.done, { name: 'Samba Senegal' }))
      .waitFor();
    expectNoProblems(admin, (p) => p.includes('/status') && /\b401\b/.test(p));

    // Samba's open page: the next navigation lands on the sign-in page.
    await samba.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: t.nav.account })
      .click();
    await heading(samba.page, t.signIn.title);
    expect((await samba.page.request.get(`${server.url}/api/v1/me`)).status()).toBe(401);
    await samba.page.reload();
    await heading(samba.page, t.signIn.title);
    // Its own account requests were refused (401) or dropped with the signed-out session.
    expectNoProblems(samba, (p) => p.includes('/api/v1/me') && /\b401\b|ERR_ABORTED/.test(p));
  });

  it('keeps States Parties, admin grants and the audit log', async () => {
    const { page } = admin;
    const t = text.en;
    const subnav = page.getByRole('navigation', { name: t.nav.admin });

    await subnav.getByRole('link', { name: t.states.title }).click();
    await heading(page, t.states.title);
    await page.getByRole('searchbox', { name: t.states.search }).fill('sénégal');
    await page.getByRole('cell', { name: 'السنغال' }).waitFor();
    await screenshot(page, 'admin-states-en');
    await page.getByRole('link', { name: 'SEN', exact: true }).click();
    await heading(page, 'Senegal');
    await page.getByRole('heading', { level: 2, name: t.states.history.title }).waitFor();
    await expectNoSeriousA11yViolations(page);

    // Two people make an admin: the one who asked may cancel the request, not approve it.
    await subnav.getByRole('link', { name: t.approvals.title }).click();
    await heading(page, t.approvals.title);
    await page.getByRole('button', { name: t.approvals.request.open }).click();
    const request = page.getByRole('dialog', { name: t.approvals.request.title });
    await request
      .getByRole('button', { name: new RegExp(`${t.approvals.request.person}$`) })
      .click();
    await page.getByRole('option', { name: /^Fatou Facilitator/ }).click();
    await request.getByRole('button', { name: t.approvals.request.submit }).click();
    await page.getByRole('status').getByText(t.approvals.request.done).waitFor();
    const cancelOwn = page.getByRole('button', {
      name: fill(t.approvals.cancelOne, { name: 'Fatou Facilitator' }),
    });
    await cancelOwn.waitFor();
    expect(
      await page
        .getByRole('button', {
          name: fill(t.approvals.decide.approveOne, { name: 'Fatou Facilitator' }),
        })
        .count(),
    ).toBe(0);
    await expectNoSeriousA11yViolations(page);
    await cancelOwn.click();
    await page.getByRole('status').getByText(t.approvals.cancelled).waitFor();

    await subnav.getByRole('link', { name: t.audit.title }).click();
    await heading(page, t.audit.title);
    await page.getByRole('textbox', { name: t.audit.filters.action }).fill('user.suspended');
    await page.getByRole('button', { name: t.audit.filters.apply }).click();
    await page.getByRole('cell', { name: 'Samba Senegal' }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'admin-audit-en');

    // The export always asks for the passkey first, then the browser downloads the file.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: t.audit.export }).click();
    await page
      .getByRole('dialog', { name: t.stepUp.title })
      .getByRole('button', { name: t.stepUp.confirm })
      .click();
    const file = await (await download).path();
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as { action: string }).action)).toEqual([
      'user.suspended',
    ]);
    expectNoProblems(admin, (p) => p.includes('/api/v1/admin-grants/') && /\b403\b/.test(p));
  });

  it('never sends a PRF output to the platform', () => {
    // Every ceremony of the journey evaluated PRF: four registrations, a sign-in, two step-ups.
    expect(prfOutputs.length).toBeGreaterThanOrEqual(7);
    const withPrfResults = sent.filter((request) => {
      if (!request.body) return false;
      try {
        const body = JSON.parse(request.body) as {
          response?: { clientExtensionResults?: { prf?: Record<string, unknown> } };
        };
        return body.response?.clientExtensionResults?.prf?.results !== undefined;
      } catch {
        return false;
      }
    });
    expect(withPrfResults).toEqual([]);
    // The output in every encoding a client might use: base64url, base64 and hex.
    const encodings = prfOutputs.flatMap((output) => {
      const bytes = Buffer.from(output, 'base64url');
      return [output, bytes.toString('base64').replace(/=+$/, ''), bytes.toString('hex')];
    });
    const leaks = sent.filter((request) =>
      encodings.some(
        (encoded) =>
          request.url.includes(encoded) ||
          (request.body ?? '').includes(encoded) ||
          Object.values(request.headers).some((value) => value.includes(encoded)),
      ),
    );
    expect(leaks).toEqual([]);
  });
});
