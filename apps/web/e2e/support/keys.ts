import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@coop/testing';
import type { Locator, Page } from 'playwright-core';

export type Language = 'en' | 'fr' | 'ar';

/** The part of the `keys` catalogue section the browser tests read. */
export interface KeysText {
  enrol: {
    title: string;
    start: string;
    doneTitle: string;
    continue: string;
    protect: { title: string; submit: string };
  };
  startOver: { title: string; open: string; start: string; confirm: string; confirmTitle: string };
  recovery: { title: string; label: string; saved: string; copy: string; copied: string };
  confirm: { title: string; group: string; submit: string; mismatch: string };
  passphrase: { new: string; repeat: string };
  unlock: {
    title: string;
    lead: Record<'none' | 'no-prf' | 'no-wrap' | 'failed', string>;
    withPasskey: string;
    recoveryLabel: string;
    submitRecovery: string;
    passphraseLabel: string;
    submitPassphrase: string;
  };
  lost: { summary: string };
}

export function readKeysText(language: Language): KeysText {
  const file = join(repoRoot(), 'apps/web/src/i18n', `${language}.json`);
  return (JSON.parse(readFileSync(file, 'utf8')) as { keys: KeysText }).keys;
}

export const fill = (template: string, values: Record<string, string>): string =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');

export async function heading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** The recovery key as the screen shows it: 14 groups of 4, read back joined by dashes. */
export async function readRecoveryKey(page: Page, t: KeysText): Promise<string> {
  const groups = await page
    .getByRole('list', { name: t.recovery.label })
    .getByRole('listitem')
    .allTextContents();
  expect(groups).toHaveLength(14);
  return groups.map((group) => group.trim()).join('-');
}

/** Types back the groups the confirmation screen asks for. */
export async function confirmRecoveryKey(page: Page, t: KeysText, recovery: string) {
  await heading(page, t.confirm.title);
  const groups = recovery.split('-');
  for (const [index, group] of groups.entries()) {
    const field = page.getByRole('textbox', {
      name: fill(t.confirm.group, { number: String(index + 1) }),
      exact: true,
    });
    if ((await field.count()) > 0) await field.fill(group);
  }
  await page.getByRole('button', { name: t.confirm.submit }).click();
}

/**
 * The whole first set-up on a passkey with PRF: create, read the recovery key, type it back,
 * continue. Returns the recovery key shown.
 */
export async function setUpKeys(page: Page, t: KeysText): Promise<string> {
  await heading(page, t.enrol.title);
  await page.getByRole('button', { name: t.enrol.start }).click();
  await heading(page, t.recovery.title);
  const recovery = await readRecoveryKey(page, t);
  await page.getByRole('button', { name: t.recovery.saved }).click();
  await confirmRecoveryKey(page, t, recovery);
  await heading(page, t.enrol.doneTitle);
  await page.getByRole('button', { name: t.enrol.continue }).click();
  return recovery;
}

/**
 * The unlock prompt a screen shows in place of the part that needs the private keys, which are
 * locked after a reload (they live in memory only) or a while without activity.
 */
export function unlockInPlace(page: Page, t: KeysText): Locator {
  return page.getByRole('region', { name: t.unlock.title });
}
