import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, runCli } from '@coop/testing';
import {
  expectNoSeriousA11yViolations,
  launchBrowser,
  startBuiltServer,
  watchPageProblems,
  type BuiltServer,
  type PageProblems,
} from '@coop/testing/browser';
import { Client } from 'pg';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import {
  confirmRecoveryKey,
  heading,
  readKeysText,
  readRecoveryKey,
  setUpKeys,
  unlockInPlace,
  type KeysText,
  type Language,
} from './support/keys';
import { recordWhatLeaves, type SentRequest } from './support/prf-capture';

const screenshotDir = join(repoRoot(), 'artifacts/screenshots');
const t: Record<Language, KeysText> = {
  en: readKeysText('en'),
  fr: readKeysText('fr'),
  ar: readKeysText('ar'),
};
const nativeName: Record<Language, string> = { en: 'English', fr: 'Français', ar: 'العربية' };
const languageLabel: Record<Language, string> = { en: 'Language', fr: 'Langue', ar: 'اللغة' };

interface Authenticator {
  session: CDPSession;
  authenticatorId: string;
}

/** One person on one device: a browser profile, its page and its passkey authenticator. */
interface Person {
  name: string;
  email: string;
  context: BrowserContext;
  page: Page;
  problems: PageProblems;
  authenticator: Authenticator;
}

let server: BuiltServer;
const contexts: BrowserContext[] = [];
/** Everything every browser sent to the platform. */
const sent: SentRequest[] = [];
/** PRF outputs the authenticators gave the pages (base64url), reported by the capture script. */
const prfOutputs: string[] = [];
/** Recovery keys shown on screen and passphrases typed: none may ever leave the browser. */
const secretsTyped: string[] = [];

/** A platform authenticator, with or without the PRF extension. */
async function addAuthenticator(page: Page, hasPrf: boolean): Promise<Authenticator> {
  const session = await page.context().newCDPSession(page);
  await session.send('WebAuthn.enable', { enableUI: false });
  const { authenticatorId } = await session.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      ctap2Version: 'ctap2_1',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      hasPrf,
      automaticPresenceSimulation: true,
    },
  });
  return { session, authenticatorId };
}

async function newDevice(name: string, email: string, hasPrf = true): Promise<Person> {
  const context = await launchBrowser();
  contexts.push(context);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  const problems = await watchPageProblems(page);
  await recordWhatLeaves(page, server.url, { sent, prfOutputs });
  const authenticator = await addAuthenticator(page, hasPrf);
  return { name, email, context, page, problems, authenticator };
}

/** Every signed-out page asks who is signed in and gets a 401, as expected. */
const signedOutCheck = (problem: string): boolean =>
  problem.includes('/api/v1/me') && /\b401\b/.test(problem);

function expectNoProblems(person: Person, allowed: (problem: string) => boolean = () => false) {
  const seen = person.problems.list.filter((p) => !signedOutCheck(p) && !allowed(p));
  person.problems.clear();
  expect({ person: person.name, problems: seen }).toEqual({ person: person.name, problems: [] });
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(screenshotDir, `keys-${name}.png`), fullPage: true });
}

async function chooseLanguage(page: Page, from: Language, to: Language): Promise<void> {
  await page.getByRole('button', { name: languageLabel[from] }).click();
  await page.getByRole('option', { name: nativeName[to] }).click();
  await page.locator(`html[lang="${to}"]`).waitFor({ state: 'attached' });
}

/** Axe and a screenshot in English, then the same screen in Arabic, then back. */
async function checkScreen(page: Page, name: string, arabicHeading: string): Promise<void> {
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, `${name}-en`);
  await chooseLanguage(page, 'en', 'ar');
  await heading(page, arabicHeading);
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, `${name}-ar`);
  await chooseLanguage(page, 'ar', 'en');
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

/**
 * Sensitive API calls need a passkey confirmation from the last few minutes. The admin's calls
 * made here through the API (not the screens under test) are given one as a sign-in would.
 */
async function freshConfirmation(email: string): Promise<void> {
  await withDatabase((client) =>
    client.query(
      `UPDATE sessions SET verified_at = now()
        WHERE revoked_at IS NULL AND user_id = (SELECT id FROM users WHERE email = $1)`,
      [email],
    ),
  );
}

/** A call to the API with the page's session, outside the screens under test. */
async function api<T>(
  person: Person,
  method: 'GET' | 'POST',
  path: string,
  data?: unknown,
): Promise<{ status: number; body: T }> {
  const response = await person.page.request.fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { 'X-Coop-Csrf': '1' },
    data,
  });
  return { status: response.status(), body: (await response.json()) as T };
}

interface WrapSummary {
  kind: string;
  wrapId: string;
  generation: number;
}

/** Every wrap of a person's keys, which the API serves only after a passkey confirmation. */
async function wrapsOf(person: Person): Promise<WrapSummary[]> {
  await freshConfirmation(person.email);
  const { status, body } = await api<WrapSummary[]>(person, 'GET', '/keys/me/wraps/all');
  expect(status).toBe(200);
  return body;
}

interface Issued {
  invitation: { userId: string };
  link: string;
}

async function invite(
  by: Person,
  invitee: { name: string; email: string; roles: string[]; stateCode: string | null },
): Promise<Issued> {
  await freshConfirmation(by.email);
  const { status, body } = await api<Issued>(by, 'POST', '/invitations', {
    displayName: invitee.name,
    email: invitee.email,
    roles: invitee.roles,
    stateCode: invitee.stateCode,
  });
  expect(status).toBe(201);
  return body;
}

async function redeem(person: Person, link: string): Promise<void> {
  await person.page.goto(link);
  await person.page.getByRole('button', { name: 'Create my passkey and sign in' }).click();
}

async function signOut(person: Person): Promise<void> {
  await person.page.getByRole('button', { name: 'Sign out' }).click();
  await heading(person.page, 'Sign in');
}

async function signIn(person: Person): Promise<void> {
  await person.page.getByRole('button', { name: 'Sign in with a passkey' }).click();
}

const welcome = (name: string) => `Welcome, ${name}`;

/** Waits for the browser's request that saves a wrap of the keys, and reads it. */
function wrapSaved(page: Page): Promise<{ wrap: WrapSummary }> {
  return page
    .waitForRequest(
      (request) => request.method() === 'PUT' && request.url().endsWith('/api/v1/keys/me/wraps'),
    )
    .then(async (request) => {
      const response = await request.response();
      expect(response?.status()).toBe(204);
      return request.postDataJSON() as { wrap: WrapSummary };
    });
}

let admin: Person;
let adminRecovery = '';
let samba: Person;
let sambaUserId = '';
let sambaRecovery = '';
let fatou: Person;
let awa: Person;
const fatouPassphrase = 'correct horse battery staple';

describe('account keys in the browser', () => {
  beforeAll(async () => {
    mkdirSync(screenshotDir, { recursive: true });
    server = await startBuiltServer({ AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await server?.stop();
  });

  it('sets up the first admin’s keys right after the passkey registration', async () => {
    const printed = runCli(
      ['bootstrap-admin', '--name', 'Ada Admin', '--email', 'ada@example.org'],
      { DATABASE_URL: server.database.url, PUBLIC_ORIGIN: server.url, LOG_LEVEL: 'warn' },
    );
    const link = /(http:\/\/\S+\/invite#[A-Za-z0-9_-]{43})/.exec(printed)?.[1] ?? '';
    admin = await newDevice('admin', 'ada@example.org');
    const { page } = admin;
    await redeem(admin, link);

    // Before anything else: keys, generated in this browser.
    await heading(page, t.en.enrol.title);
    await checkScreen(page, 'enrol', t.ar.enrol.title);
    await page.getByRole('button', { name: t.en.enrol.start }).click();

    await heading(page, t.en.recovery.title);
    const recovery = await readRecoveryKey(page, t.en);
    expect(recovery).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){13}[0-9A-HJKMNP-TV-Z]{4}$/);
    secretsTyped.push(recovery);
    adminRecovery = recovery;
    await page.getByRole('button', { name: t.en.recovery.copy }).click();
    await page.getByText(t.en.recovery.copied).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(recovery);
    await checkScreen(page, 'recovery', t.ar.recovery.title);
    await page.getByRole('button', { name: t.en.recovery.saved }).click();

    // Wrong groups are refused; the right ones, typed in lower case, go through.
    await heading(page, t.en.confirm.title);
    await checkScreen(page, 'confirm', t.ar.confirm.title);
    const fields = page.getByRole('textbox');
    expect(await fields.count()).toBe(3);
    for (let i = 0; i < 3; i++) await fields.nth(i).fill('ZZZZ');
    await page.getByRole('button', { name: t.en.confirm.submit }).click();
    await page.getByRole('alert').getByText(t.en.confirm.mismatch).waitFor();
    await confirmRecoveryKey(page, t.en, recovery.toLowerCase());

    await heading(page, t.en.enrol.doneTitle);
    await page.getByRole('button', { name: t.en.enrol.continue }).click();
    await heading(page, welcome('Ada Admin'));

    const wraps = await wrapsOf(admin);
    expect(wraps.map((w) => w.kind).sort()).toEqual(['prf', 'recovery']);
    expectNoProblems(admin);
  });

  it('unlocks the keys at the next sign-in without asking anything, and locks them on demand', async () => {
    const { page } = admin;
    await signOut(admin);
    await signIn(admin);
    // The home page is behind the keys: reaching it with no input means nothing was asked.
    await heading(page, welcome('Ada Admin'));
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'My account' })
      .click();
    await heading(page, 'My account');
    await page.getByText('Unlocked on this device', { exact: true }).waitFor();

    // Locked, the account page stays, with the way to unlock in place of the keys.
    await page.getByRole('button', { name: 'Lock now' }).click();
    const prompt = unlockInPlace(page, t.en);
    await prompt.getByText(t.en.unlock.lead.none).waitFor();
    await heading(page, 'My account');
    await prompt.getByRole('button', { name: t.en.unlock.withPasskey }).click();
    await page.getByText('Unlocked on this device', { exact: true }).waitFor();
    expectNoProblems(admin);
  });

  it('wraps the keys for a passkey added on a new device, whose sign-in is then silent too', async () => {
    const { page } = admin;
    // The new device's authenticator replaces the old one, as if the admin used a new laptop.
    await admin.authenticator.session.send('WebAuthn.removeVirtualAuthenticator', {
      authenticatorId: admin.authenticator.authenticatorId,
    });
    admin.authenticator = await addAuthenticator(page, true);
    const saved = wrapSaved(page);
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a passkey' });
    await dialog.getByRole('textbox', { name: 'Passkey name' }).fill('New laptop');
    await dialog.getByRole('button', { name: 'Create passkey' }).click();
    await page.getByText('Passkey “New laptop” added.').waitFor();
    const { wrap } = await saved;
    expect(wrap.kind).toBe('prf');
    const prfWraps = (await wrapsOf(admin)).filter((w) => w.kind === 'prf');
    expect(prfWraps.map((w) => w.wrapId)).toContain(wrap.wrapId);
    expect(prfWraps).toHaveLength(2);

    // The account is told of its new passkey; the header counts the notice until it is read.
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Notices (1 unread)' }).click();
    await heading(page, 'Notices');
    await page.getByText('A passkey named “New laptop” was added to your account.').waitFor();
    await page.getByRole('button', { name: 'Mark all as read' }).click();
    await nav.getByRole('link', { name: 'Notices', exact: true }).waitFor();
    await nav.getByRole('link', { name: 'My account' }).click();
    await heading(page, 'My account');

    // Signed out from My account, the admin comes back to it, keys unlocked without a question.
    await signOut(admin);
    await signIn(admin);
    await heading(page, 'My account');
    await page.getByText('Unlocked on this device', { exact: true }).waitFor();
    expectNoProblems(admin);
  });

  it('asks for the recovery key on a passkey with no wrap yet, then wraps the keys for it', async () => {
    const issued = await invite(admin, {
      name: 'Samba Senegal',
      email: 'samba@example.org',
      roles: ['focal_point'],
      stateCode: 'SEN',
    });
    sambaUserId = issued.invitation.userId;
    const first = await newDevice('Samba (old phone)', 'samba@example.org');
    await redeem(first, issued.link);
    sambaRecovery = await setUpKeys(first.page, t.en);
    secretsTyped.push(sambaRecovery);
    await heading(first.page, welcome('Samba Senegal'));
    expectNoProblems(first);

    // Samba loses that phone; the Registry sends a recovery link to a new one.
    await freshConfirmation(admin.email);
    const recoveryLink = await api<Issued>(
      admin,
      'POST',
      `/users/${sambaUserId}/recovery-invitation`,
      {},
    );
    expect(recoveryLink.status).toBe(201);
    samba = await newDevice('Samba', 'samba@example.org');
    const { page } = samba;
    await page.goto(recoveryLink.body.link);
    await heading(page, 'Replace your passkey');
    await page.getByRole('button', { name: 'Create my passkey and sign in' }).click();

    await heading(page, t.en.unlock.title);
    await page.getByText(t.en.unlock.lead['no-wrap']).waitFor();
    await checkScreen(page, 'unlock', t.ar.unlock.title);
    const field = page.getByRole('textbox', { name: t.en.unlock.recoveryLabel });
    // One symbol off: the checksum catches the typo before any decryption.
    const typo = `${sambaRecovery.slice(0, -1)}${sambaRecovery.endsWith('0') ? '1' : '0'}`;
    await field.fill(typo);
    await page.getByRole('button', { name: t.en.unlock.submitRecovery }).click();
    await page.getByRole('alert').getByText('There is a typo in this recovery key.').waitFor();

    const saved = wrapSaved(page);
    await field.fill(sambaRecovery.replaceAll('-', ' '));
    await page.getByRole('button', { name: t.en.unlock.submitRecovery }).click();
    await heading(page, welcome('Samba Senegal'));
    const { wrap } = await saved;
    expect(wrap.kind).toBe('prf');
    expect((await wrapsOf(samba)).some((w) => w.kind === 'prf' && w.wrapId === wrap.wrapId)).toBe(
      true,
    );

    await signOut(samba);
    await signIn(samba);
    await heading(page, welcome('Samba Senegal'));
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'My account' })
      .click();
    await page.getByText('Unlocked on this device', { exact: true }).waitFor();
    expectNoProblems(samba);
  });

  it('locks the keys after the session’s idle time without activity', async () => {
    const { page } = samba;
    // The page's clock only: the API's session is not idle, so the passkey unlocks again.
    await page.clock.install();
    await page.reload();
    const prompt = unlockInPlace(page, t.en);
    await prompt.getByRole('button', { name: t.en.unlock.withPasskey }).click();
    const unlocked = page.getByText('Unlocked on this device', { exact: true });
    await unlocked.waitFor();
    await page.clock.fastForward('29:00');
    await heading(page, 'My account');
    expect(await unlocked.count()).toBe(1);
    await page.clock.fastForward('02:00');
    await prompt.getByText(t.en.unlock.lead.none).waitFor();
    expect(await unlocked.count()).toBe(0);
    await prompt.getByRole('button', { name: t.en.unlock.withPasskey }).click();
    await unlocked.waitFor();

    // Unlocked, and still nothing in any browser storage but the interface language.
    const stored = await page.evaluate(async () => ({
      local: Object.keys(localStorage),
      session: Object.keys(sessionStorage),
      databases: (await indexedDB.databases()).map((db) => db.name),
      caches: await caches.keys(),
    }));
    const { local, ...rest } = stored;
    expect(rest).toEqual({ session: [], databases: [], caches: [] });
    expect(local.every((key) => /language/i.test(key))).toBe(true);
    expectNoProblems(samba);
  });

  it('protects the keys of a passkey without PRF with a passphrase', async () => {
    const issued = await invite(admin, {
      name: 'Fatou Facilitator',
      email: 'fatou@example.org',
      roles: ['facilitator'],
      stateCode: null,
    });
    fatou = await newDevice('Fatou', 'fatou@example.org', false);
    const { page } = fatou;
    await redeem(fatou, issued.link);
    await heading(page, t.en.enrol.title);
    await page.getByRole('button', { name: t.en.enrol.start }).click();
    await heading(page, t.en.recovery.title);
    const recovery = await readRecoveryKey(page, t.en);
    secretsTyped.push(recovery);
    await page.getByRole('button', { name: t.en.recovery.saved }).click();
    await confirmRecoveryKey(page, t.en, recovery);

    await heading(page, t.en.enrol.protect.title);
    await checkScreen(page, 'passphrase', t.ar.enrol.protect.title);
    await page.getByRole('textbox', { name: t.en.passphrase.new, exact: true }).fill('too short');
    await page.getByRole('textbox', { name: t.en.passphrase.repeat }).fill('too short');
    await page.getByRole('button', { name: t.en.enrol.protect.submit }).click();
    await page.getByText('Use at least 12 characters.').waitFor();
    await page
      .getByRole('textbox', { name: t.en.passphrase.new, exact: true })
      .fill(fatouPassphrase);
    await page.getByRole('textbox', { name: t.en.passphrase.repeat }).fill(fatouPassphrase);
    secretsTyped.push(fatouPassphrase);
    await page.getByRole('button', { name: t.en.enrol.protect.submit }).click();
    await heading(page, t.en.enrol.doneTitle);
    await page.getByRole('button', { name: t.en.enrol.continue }).click();
    await heading(page, welcome('Fatou Facilitator'));
    expect((await wrapsOf(fatou)).map((w) => w.kind).sort()).toEqual(['passphrase', 'recovery']);

    // This passkey cannot unlock the keys, and the home page does not need them: nothing asked.
    await signOut(fatou);
    await signIn(fatou);
    await heading(page, welcome('Fatou Facilitator'));
    expect(await unlockInPlace(page, t.en).count()).toBe(0);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'My account' })
      .click();
    const prompt = unlockInPlace(page, t.en);
    await prompt.getByText(t.en.unlock.lead['no-prf']).waitFor();
    await prompt.getByLabel(t.en.unlock.passphraseLabel, { exact: true }).fill('not my passphrase');
    await prompt.getByRole('button', { name: t.en.unlock.submitPassphrase }).click();
    await prompt
      .getByRole('alert')
      .getByText('This passphrase does not unlock your keys.')
      .waitFor();
    await prompt.getByLabel(t.en.unlock.passphraseLabel, { exact: true }).fill(fatouPassphrase);
    await prompt.getByRole('button', { name: t.en.unlock.submitPassphrase }).click();
    await page.getByText('Unlocked on this device', { exact: true }).waitFor();
    // No PRF output, so no passkey wrap was attempted.
    expect((await wrapsOf(fatou)).map((w) => w.kind).sort()).toEqual(['passphrase', 'recovery']);
    expectNoProblems(fatou);
  });

  it('compares safety numbers between two focal points and marks the key verified', async () => {
    const issued = await invite(admin, {
      name: 'Awa Senegal',
      email: 'awa@example.org',
      roles: ['focal_point'],
      stateCode: 'SEN',
    });
    awa = await newDevice('Awa', 'awa@example.org');
    const { page } = awa;
    await redeem(awa, issued.link);
    secretsTyped.push(await setUpKeys(page, t.en));
    await heading(page, welcome('Awa Senegal'));

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Contacts' })
      .click();
    await heading(page, 'People I work with');
    const row = page.getByRole('row', { name: /Samba Senegal/ });
    await row.getByText('Not verified', { exact: true }).waitFor();
    await row.getByRole('link', { name: 'Samba Senegal' }).click();
    await heading(page, 'Samba Senegal');
    const digits = page.getByRole('list', { name: 'Safety number' }).getByRole('listitem');
    await digits.first().waitFor();
    const seenByAwa = await digits.allTextContents();
    expect(seenByAwa).toHaveLength(12);
    expect(seenByAwa.every((group) => /^\d{5}$/.test(group))).toBe(true);

    // Samba opens Awa's page on their own device: the same 60 digits.
    await samba.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Contacts' })
      .click();
    await samba.page.getByRole('link', { name: 'Awa Senegal' }).click();
    await heading(samba.page, 'Awa Senegal');
    const seenBySamba = samba.page
      .getByRole('list', { name: 'Safety number' })
      .getByRole('listitem');
    await seenBySamba.first().waitFor();
    expect(await seenBySamba.allTextContents()).toEqual(seenByAwa);

    await page.getByRole('button', { name: 'Mark as verified' }).click();
    await page.getByText('The key of Samba Senegal is marked as verified.').waitFor();
    await page.getByText('Verified', { exact: true }).waitFor();
    await checkScreen(page, 'verify', 'Samba Senegal');
    expectNoProblems(awa);
    expectNoProblems(samba);
  });

  it('leaves the keys locked for case law and the console after a reload', async () => {
    const { page } = admin;
    await page.reload();
    await heading(page, 'My account');
    // Locked: the account page says so, in place of the keys' details.
    await unlockInPlace(page, t.en).getByText(t.en.unlock.lead.none).waitFor();

    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Case law' }).click();
    await heading(page, 'Case law');
    const result = page.locator('ol.caselaw-results > li').first().getByRole('link');
    const title = (await result.textContent()) ?? '';
    expect(title).not.toBe('');
    await result.click();
    await heading(page, title);
    await page.getByRole('tabpanel').first().waitFor();
    expect(await unlockInPlace(page, t.en).count()).toBe(0);

    await nav.getByRole('link', { name: /^Notices/ }).click();
    await heading(page, 'Notices');
    expect(await unlockInPlace(page, t.en).count()).toBe(0);

    await nav.getByRole('link', { name: 'Administration' }).click();
    await heading(page, 'People');
    await page.getByRole('link', { name: 'Samba Senegal' }).click();
    await heading(page, 'Samba Senegal');
    await page.getByText('Not attested by you', { exact: true }).waitFor();
    expect(await unlockInPlace(page, t.en).count()).toBe(0);
    expectNoProblems(admin);
  });

  it('lets a Registry admin attest a key after comparing it out of band', async () => {
    const { page } = admin;
    // Attesting signs with the admin's private key: the locked keys are asked for in place.
    await page.getByRole('button', { name: 'Attest key' }).click();
    const prompt = unlockInPlace(page, t.en);
    await prompt.getByText(t.en.unlock.lead.none).waitFor();
    await heading(page, 'Samba Senegal');
    // The prompt takes the focus, so a keyboard or screen-reader user is where it opened.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      t.en.unlock.withPasskey,
    );
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'unlock-in-place-en');
    await prompt.getByRole('textbox', { name: t.en.unlock.recoveryLabel }).fill(adminRecovery);
    await freshConfirmation(admin.email);
    await prompt.getByRole('button', { name: t.en.unlock.submitRecovery }).click();
    const dialog = page.getByRole('dialog', { name: 'Attest the key of Samba Senegal' });
    const attest = dialog.getByRole('button', { name: 'Attest key' });
    expect(await attest.isDisabled()).toBe(true);
    await dialog
      .getByText('I compared this fingerprint with Samba Senegal and it matches.')
      .click();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'attest-en');
    await freshConfirmation(admin.email);
    await attest.click();
    await page.getByText('The key of Samba Senegal is attested.').waitFor();
    await page.getByText('Valid, for the current key').waitFor();
    await page.getByText('Attested by you', { exact: true }).waitFor();
    expectNoProblems(admin);

    // Awa's browser checks the attestation itself, against the admin's published key.
    // After the reload the keys are locked; comparing keys needs only public ones.
    await awa.page.reload();
    await heading(awa.page, 'Samba Senegal');
    await awa.page
      .getByRole('list', { name: 'Safety number' })
      .getByRole('listitem')
      .first()
      .waitFor();
    await awa.page.getByText('Valid, for the current key').waitFor();
    await awa.page.getByText('By Ada Admin on', { exact: false }).waitFor();
    const root = await api<{ fingerprint: string }>(awa, 'GET', '/keys/root');
    const grouped = (root.body.fingerprint.match(/.{4}/g) ?? []).join(' ');
    expect(await awa.page.getByText(grouped).count()).toBeGreaterThan(0);
    expectNoProblems(awa);
  });

  it('warns everyone who verified a contact when that contact starts over with new keys', async () => {
    await freshConfirmation(admin.email);
    const recoveryLink = await api<Issued>(
      admin,
      'POST',
      `/users/${sambaUserId}/recovery-invitation`,
      {},
    );
    expect(recoveryLink.status).toBe(201);
    const again = await newDevice('Samba (third device)', 'samba@example.org');
    const { page } = again;
    await page.goto(recoveryLink.body.link);
    await page.getByRole('button', { name: 'Create my passkey and sign in' }).click();
    await heading(page, t.en.unlock.title);

    // Without the recovery key, the only way on is new keys, and the screen says what it costs.
    await page.getByText(t.en.lost.summary).click();
    await page.getByRole('button', { name: t.en.startOver.open }).click();
    const confirm = page.getByRole('alertdialog', { name: t.en.startOver.confirmTitle });
    await confirm.getByText(/earlier messages, files and drafts will stay unreadable/).waitFor();
    await confirm.getByRole('button', { name: t.en.startOver.confirm }).click();
    await heading(page, t.en.startOver.title);
    await page.getByRole('button', { name: t.en.startOver.start }).click();
    await heading(page, t.en.recovery.title);
    const recovery = await readRecoveryKey(page, t.en);
    secretsTyped.push(recovery);
    await page.getByRole('button', { name: t.en.recovery.saved }).click();
    await confirmRecoveryKey(page, t.en, recovery);
    await heading(page, t.en.enrol.doneTitle);
    await page
      .getByText('Your contacts will be told that your key changed.', { exact: false })
      .waitFor();
    await page.getByRole('button', { name: t.en.enrol.continue }).click();
    await heading(page, welcome('Samba Senegal'));
    expect(
      (await api<{ current: { generation: number } }>(again, 'GET', '/keys/me')).body.current
        .generation,
    ).toBe(2);
    expectNoProblems(again);

    // Awa, who had verified Samba, is warned wherever Samba appears.
    const awaPage = awa.page;
    await awaPage.goto(`${server.url}/people`);
    await heading(awaPage, 'People I work with');
    const warning = awaPage
      .getByRole('alert')
      .filter({ hasText: 'The security key of Samba Senegal changed on' });
    await warning
      .getByText(/Compare the safety number again before sending anything sensitive\./)
      .waitFor();
    await awaPage
      .getByRole('row', { name: /Samba Senegal/ })
      .getByText('Key changed', { exact: true })
      .waitFor();
    await checkScreen(awaPage, 'warning-people', 'الأشخاص الذين أعمل معهم');

    await warning
      .getByRole('link', { name: 'Compare the safety number with Samba Senegal' })
      .click();
    await heading(awaPage, 'Samba Senegal');
    await awaPage
      .getByRole('alert')
      .filter({ hasText: 'The security key of Samba Senegal changed on' })
      .waitFor();
    await awaPage
      .getByText('You have not verified the key of Samba Senegal.', { exact: false })
      .waitFor();
    await awaPage.getByText('Valid, for an earlier key').waitFor();
    expect(await awaPage.getByRole('table', { name: 'Key history' }).getByRole('row').count()).toBe(
      3,
    );
    await checkScreen(awaPage, 'warning-contact', 'Samba Senegal');

    // Comparing again clears the warning.
    await awaPage.getByRole('button', { name: 'Mark as verified' }).click();
    await awaPage.getByText('The key of Samba Senegal is marked as verified.').waitFor();
    expect(await awaPage.getByRole('alert').filter({ hasText: 'changed on' }).count()).toBe(0);
    expectNoProblems(awa);
  });

  it('never sends a recovery key, a passphrase or a PRF output to the platform', () => {
    expect(prfOutputs.length).toBeGreaterThanOrEqual(6);
    expect(secretsTyped.length).toBe(6);
    const withPrfResults = sent.filter((request) => {
      try {
        const body = JSON.parse(request.body ?? 'null') as {
          response?: { clientExtensionResults?: { prf?: Record<string, unknown> } };
        } | null;
        return body?.response?.clientExtensionResults?.prf?.results !== undefined;
      } catch {
        return false;
      }
    });
    expect(withPrfResults).toEqual([]);
    // Each secret as typed or shown, compacted, in lower case, and each PRF output in the
    // encodings a client might use.
    const needles = [
      ...secretsTyped.flatMap((secret) => [
        secret,
        secret.replaceAll('-', ''),
        secret.toLowerCase(),
        encodeURIComponent(secret),
      ]),
      ...prfOutputs.flatMap((output) => {
        const bytes = Buffer.from(output, 'base64url');
        return [output, bytes.toString('base64').replace(/=+$/, ''), bytes.toString('hex')];
      }),
    ];
    const leaks = sent.filter((request) =>
      needles.some(
        (needle) =>
          request.url.includes(needle) ||
          (request.body ?? '').includes(needle) ||
          Object.values(request.headers).some((value) => value.includes(needle)),
      ),
    );
    expect(leaks).toEqual([]);
    // The journey did send what it should: keys, wraps and their signatures.
    expect(sent.filter((r) => r.method === 'PUT' && r.url.endsWith('/keys/me')).length).toBe(5);
  });
});
