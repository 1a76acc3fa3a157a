import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, runCli } from '@coop/testing';
import { launchBrowser, startBuiltServer, type BuiltServer } from '@coop/testing/browser';
import { Client } from 'pg';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { fill, heading, readKeysText, readRecoveryKey, type KeysText } from './support/keys';

type Language = 'en' | 'ar';
const LANGUAGES: readonly Language[] = ['en', 'ar'];

type Tree = { [key: string]: string | Tree };
const read = (path: string): Tree =>
  JSON.parse(readFileSync(join(repoRoot(), path), 'utf8')) as Tree;
const leaves = (tree: Tree): string[] =>
  Object.values(tree).flatMap((value) => (typeof value === 'string' ? [value] : leaves(value)));
const at = (tree: Tree, path: string): string => {
  const found = path.split('.').reduce<string | Tree>((node, key) => {
    if (typeof node === 'string' || !(key in node)) throw new Error(`no catalogue text ${path}`);
    return node[key] as string | Tree;
  }, tree);
  if (typeof found !== 'string') throw new Error(`${path} is not a text`);
  return found;
};

const app: Record<Language, Tree> = {
  en: read('apps/web/src/i18n/en.json'),
  ar: read('apps/web/src/i18n/ar.json'),
};
const caselaw: Record<Language, Tree> = {
  en: read('apps/web/src/caselaw/i18n/en.json'),
  ar: read('apps/web/src/caselaw/i18n/ar.json'),
};
const keys: Record<Language, KeysText> = { en: readKeysText('en'), ar: readKeysText('ar') };
const t = (language: Language, path: string, values: Record<string, string> = {}) =>
  fill(at(app[language], path), values);
const c = (language: Language, path: string) => at(caselaw[language], path);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * Every text of a language's catalogues, as a pattern in which `{{value}}` stands for anything;
 * texts that are little more than a placeholder would match any message, so they are left out.
 */
const patterns = (language: Language): RegExp[] =>
  [...leaves(app[language]), ...leaves(caselaw[language])]
    .filter((text) => text.replace(/\{\{\w+\}\}/g, '').trim().length > 3)
    .map((text) => new RegExp(`^${escape(text).replace(/\\\{\\\{\w+\\\}\\\}/g, '.+')}$`));
const catalogue: Record<Language, RegExp[]> = { en: patterns('en'), ar: patterns('ar') };
const other = (language: Language): Language => (language === 'en' ? 'ar' : 'en');

let server: BuiltServer;
const contexts: BrowserContext[] = [];

async function withDatabase<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: server.database.url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A browser whose passkey has no PRF, so the first sign-in also asks for a passphrase. */
async function newPerson(language: Language): Promise<Page> {
  const context = await launchBrowser();
  contexts.push(context);
  await context.addInitScript((chosen) => {
    if (!localStorage.getItem('coop.language')) localStorage.setItem('coop.language', chosen);
  }, language);
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(10_000);
  const session = await context.newCDPSession(page);
  await session.send('WebAuthn.enable', { enableUI: false });
  await session.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      ctap2Version: 'ctap2_1',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      hasPrf: false,
      automaticPresenceSimulation: true,
    },
  });
  return page;
}

/**
 * The messages a submitted form shows next to its fields: each must be a text of the
 * interface language's catalogue (and not one of the other language's), the expected ones must
 * be among them, and the browser's own validation must be off.
 */
async function expectCatalogueMessages(form: Locator, language: Language, expected: string[]) {
  const errors = form.locator('.ui-field__error');
  await errors.first().waitFor();
  const shown = (await errors.allTextContents())
    .flatMap((text) => text.split('; '))
    .map((text) => text.trim())
    .filter(Boolean);
  const foreign = shown.filter(
    (message) =>
      !catalogue[language].some((pattern) => pattern.test(message)) ||
      catalogue[other(language)].some((pattern) => pattern.test(message)),
  );
  expect({ language, foreign }).toEqual({ language, foreign: [] });
  expect(shown).toEqual(expect.arrayContaining(expected));
  const browserValidation = await form.evaluate((element) => {
    const formElement = element as HTMLFormElement;
    const fields = [...formElement.querySelectorAll('input, textarea, select')] as (
      HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement
    )[];
    return {
      noValidate: formElement.noValidate,
      required: fields.filter((field) => field.required).length,
      messages: fields.map((field) => field.validationMessage).filter(Boolean),
    };
  });
  expect(browserValidation).toEqual({ noValidate: true, required: 0, messages: [] });
}

/** An in-app navigation: a reload would lock the keys, which live in memory only. */
async function visit(page: Page, path: string, title: string): Promise<void> {
  await page.evaluate((to) => {
    window.history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  await heading(page, title);
}

async function chooseLanguage(page: Page, from: Language, to: Language): Promise<void> {
  await page.getByRole('button', { name: t(from, 'language.label') }).click();
  await page.getByRole('option', { name: to === 'en' ? 'English' : 'العربية' }).click();
  await page.locator(`html[lang="${to}"]`).waitFor({ state: 'attached' });
}

/** Registers from an invitation link, submitting its form, then the key set-up's forms, empty. */
async function register(page: Page, link: string, language: Language): Promise<void> {
  const k = keys[language];
  await page.goto(link);
  const invitation = page.locator('main form');
  const passkeyName = invitation.getByRole('textbox', { name: t(language, 'invite.passkeyName') });
  const suggested = await passkeyName.inputValue();
  await passkeyName.fill('');
  await invitation.getByRole('button', { name: t(language, 'invite.button') }).click();
  await expectCatalogueMessages(invitation, language, [t(language, 'common.required')]);
  await passkeyName.fill(suggested);
  await invitation.getByRole('button', { name: t(language, 'invite.button') }).click();
  await heading(page, k.enrol.title);
  await page.getByRole('button', { name: k.enrol.start }).click();
  await heading(page, k.recovery.title);
  const recovery = await readRecoveryKey(page, k);
  await page.getByRole('button', { name: k.recovery.saved }).click();

  await heading(page, k.confirm.title);
  const confirm = page.locator('main form');
  await confirm.getByRole('button', { name: k.confirm.submit }).click();
  await expectCatalogueMessages(confirm, language, [t(language, 'common.required')]);
  for (const [index, group] of recovery.split('-').entries()) {
    const field = page.getByRole('textbox', {
      name: fill(k.confirm.group, { number: String(index + 1) }),
      exact: true,
    });
    if ((await field.count()) > 0) await field.fill(group);
  }
  await confirm.getByRole('button', { name: k.confirm.submit }).click();

  await heading(page, k.enrol.protect.title);
  const protect = page.locator('main form');
  await protect.getByRole('button', { name: k.enrol.protect.submit }).click();
  await expectCatalogueMessages(protect, language, [
    t(language, 'keys.passphrase.tooShort', { min: '12' }),
    t(language, 'common.required'),
  ]);
  await page
    .getByRole('textbox', { name: k.passphrase.new, exact: true })
    .fill('forms e2e passphrase');
  await page.getByRole('textbox', { name: k.passphrase.repeat }).fill('forms e2e passphrase');
  await protect.getByRole('button', { name: k.enrol.protect.submit }).click();
  await heading(page, k.enrol.doneTitle);
  await page.getByRole('button', { name: k.enrol.continue }).click();
}

// A confirmation that asks for a reason is an alert dialog.
const dialog = (page: Page) => page.locator('[role="dialog"], [role="alertdialog"]');
const dialogForm = (page: Page) => dialog(page).locator('form');

async function cancel(page: Page, language: Language): Promise<void> {
  await dialogForm(page)
    .getByRole('button', { name: t(language, 'common.cancel') })
    .click();
  await dialog(page).waitFor({ state: 'hidden' });
}

describe('forms say what is wrong in the interface language, from the catalogues', () => {
  let admin: Page;
  let facilitator: Page;
  let facilitatorId: string;

  beforeAll(async () => {
    server = await startBuiltServer({ AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
    const printed = runCli(
      ['bootstrap-admin', '--name', 'Ada Admin', '--email', 'ada@example.org'],
      { DATABASE_URL: server.database.url, PUBLIC_ORIGIN: server.url, LOG_LEVEL: 'warn' },
    );
    admin = await newPerson('en');
    await register(
      admin,
      /(http:\/\/\S+\/invite#[A-Za-z0-9_-]{43})/.exec(printed)?.[1] ?? '',
      'en',
    );
    await heading(admin, t('en', 'home.title', { name: 'Ada Admin' }));
  }, 60_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await server?.stop();
  });

  /** Issuing needs a recent passkey confirmation; the sign-in a moment ago stands for one. */
  const freshSessions = () =>
    withDatabase((client) =>
      client.query(`UPDATE sessions SET verified_at = now() WHERE revoked_at IS NULL`),
    );

  it('the first sign-in of a person using Arabic: invitation, recovery key, passphrase', async () => {
    await freshSessions();
    const response = await admin.request.post(`${server.url}/api/v1/invitations`, {
      headers: { 'X-Coop-Csrf': '1' },
      data: {
        displayName: 'Fatima Facilitator',
        email: 'fatima@example.org',
        roles: ['facilitator'],
      },
    });
    expect(response.status()).toBe(201);
    const issued = (await response.json()) as { link: string; invitation: { userId: string } };
    facilitatorId = issued.invitation.userId;
    facilitator = await newPerson('ar');
    await register(facilitator, issued.link, 'ar');
    await heading(facilitator, t('ar', 'home.title', { name: 'Fatima Facilitator' }));
  });

  for (const language of LANGUAGES) {
    it(`the admin console's forms in ${language}`, async () => {
      if (language === 'ar') await chooseLanguage(admin, 'en', 'ar');
      const required = t(language, 'common.required');

      await visit(admin, '/admin/invitations', t(language, 'invitations.title'));
      await admin.getByRole('button', { name: t(language, 'invitations.invite') }).click();
      const invite = dialogForm(admin);
      await invite.getByRole('button', { name: t(language, 'invitations.form.submit') }).click();
      await expectCatalogueMessages(invite, language, [
        required,
        t(language, 'invitations.form.rolesRequired'),
      ]);
      // The browser takes an address without a dot in its domain; the API does not, and its
      // answer is worded by the catalogue too.
      await invite
        .getByRole('textbox', { name: t(language, 'invitations.form.name') })
        .fill('Omar');
      await invite
        .getByRole('textbox', { name: t(language, 'invitations.form.email') })
        .fill('omar@example');
      await invite.getByText(t(language, 'roles.facilitator'), { exact: true }).click();
      await freshSessions();
      await invite.getByRole('button', { name: t(language, 'invitations.form.submit') }).click();
      await invite.getByText(t(language, 'validation.email'), { exact: true }).waitFor();
      await expectCatalogueMessages(invite, language, [t(language, 'validation.email')]);
      await cancel(admin, language);

      // A zero-width space passes the form's check; the API refuses it with a contract code.
      await visit(admin, '/account', t(language, 'account.title'));
      await admin
        .getByRole('button', { name: t(language, 'passkeys.rename') })
        .first()
        .click();
      const rename = dialogForm(admin);
      const name = rename.getByRole('textbox', { name: t(language, 'passkeys.nameLabel') });
      await name.fill('');
      await expectCatalogueMessages(rename, language, [required]);
      await name.fill('My\u200Bkey');
      await freshSessions();
      await rename.getByRole('button', { name: t(language, 'common.save') }).click();
      await rename.getByText(t(language, 'validation.invisible-characters')).waitFor();
      await expectCatalogueMessages(rename, language, [
        t(language, 'validation.invisible-characters'),
      ]);
      expect(await rename.getByRole('alert').innerText()).toBe(t(language, 'problems.validation'));
      await cancel(admin, language);

      await visit(admin, '/admin/states', t(language, 'states.title'));
      await admin.getByRole('button', { name: t(language, 'states.add') }).click();
      const state = dialogForm(admin);
      await state.getByRole('button', { name: t(language, 'states.form.submit') }).click();
      await expectCatalogueMessages(state, language, [
        required,
        t(language, 'states.form.codeHelp'),
        t(language, 'states.form.namesRequired'),
      ]);
      await cancel(admin, language);
      const withdrawal = t(language, 'states.withdrawal.openOne').split('{{')[0] ?? '';
      await admin
        .getByRole('button', { name: new RegExp(`^${escape(withdrawal)}`) })
        .first()
        .click();
      const recordForm = dialogForm(admin);
      await recordForm
        .getByRole('button', { name: t(language, 'states.withdrawal.submit') })
        .click();
      await expectCatalogueMessages(recordForm, language, [required]);
      await cancel(admin, language);

      await visit(admin, `/admin/users/${facilitatorId}`, 'Fatima Facilitator');
      await admin.getByRole('button', { name: t(language, 'users.edit.open') }).click();
      const edit = dialogForm(admin);
      await edit.getByRole('textbox', { name: t(language, 'users.edit.name') }).fill('');
      await edit.getByRole('button', { name: t(language, 'common.save') }).click();
      await expectCatalogueMessages(edit, language, [required]);
      await cancel(admin, language);
      await admin
        .getByRole('button', { name: t(language, 'users.statusChange.suspended.open') })
        .click();
      const suspend = dialogForm(admin);
      await suspend
        .getByRole('button', { name: t(language, 'users.statusChange.suspended.confirm') })
        .click();
      await expectCatalogueMessages(suspend, language, [required]);
      await cancel(admin, language);
    });
  }

  for (const language of ['ar', 'en'] as const) {
    it(`the case-law editor's forms in ${language}`, async () => {
      if (language === 'en') await chooseLanguage(facilitator, 'ar', 'en');
      await visit(facilitator, '/caselaw/editor/new/entry', c(language, 'editor.newEntry'));
      const entry = facilitator.locator('main form').first();
      await entry.getByRole('button', { name: c(language, 'editor.createDraft') }).click();
      // zod's own sentences here were "Invalid option: expected one of …" and "Invalid ISO date".
      await expectCatalogueMessages(entry, language, [
        t(language, 'validation.option'),
        t(language, 'validation.date'),
      ]);

      await entry.getByRole('button', { name: c(language, 'topics.open') }).click();
      const topic = dialogForm(facilitator);
      await topic.getByRole('button', { name: c(language, 'topics.submit') }).click();
      await expectCatalogueMessages(topic, language, [
        t(language, 'common.required'),
        t(language, 'validation.format'),
      ]);
      await cancel(facilitator, language);
    });
  }
});
