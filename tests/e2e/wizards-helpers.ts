// Shared steps of the wizard end-to-end tests: get past first start (Licence Desk's own licence
// agreement and the mode), open a device's page and one of its wizards, read the answer the UI
// shows, and save screenshots. Only the UI is driven here; data is arranged with app.seed.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Locator, type Page } from '@playwright/test';
import type { AppHandle } from './fixtures';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SHOTS = join(ROOT, 'docs', 'screenshots');

/** Reloads (so seeded data is listed) and gets past the first-start gates to My devices. */
export async function ready(app: AppHandle): Promise<Page> {
  const { page } = app;
  await page.reload();
  const nav = page.getByRole('navigation');
  const accept = page.getByRole('button', { name: 'Accept', exact: true });
  await expect(nav.or(accept)).toBeVisible();
  if (await accept.isVisible()) {
    await accept.click();
    // First start then asks for the mode: embedded is preselected.
    const mode = page.getByRole('heading', { level: 1 });
    const shell = page.getByRole('navigation');
    await expect(shell.or(mode)).toBeVisible();
    if (!(await shell.isVisible())) await page.getByRole('button', { name: 'Continue' }).click();
  }
  await expect(nav).toBeVisible();
  return page;
}

/** Opens a device's page from My devices (click its serial, as in the vendors' own UI). */
export async function openDevice(page: Page, serial: string): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: 'My devices' }).click();
  await page.getByRole('button', { name: serial, exact: true }).first().click();
  await expect(page.getByRole('group', { name: 'Licensing' })).toBeVisible();
}

/** Opens a wizard from the device's page; returns the dialog. */
export async function openWizard(page: Page, serial: string, name: string): Promise<Locator> {
  await openDevice(page, serial);
  await page.getByRole('group', { name: 'Licensing' }).getByRole('button', { name, exact: true }).click();
  const dialog = page.getByRole('dialog', { name });
  await expect(dialog).toBeVisible();
  return dialog;
}

export const continueButton = (dialog: Locator): Locator =>
  dialog.getByRole('button', { name: 'Continue', exact: true });

/** Pastes a code into the dialog's code field and waits for its verdict to settle. */
export async function pasteCode(
  dialog: Locator,
  code: string,
  label: string | RegExp = 'Initialisation code',
): Promise<void> {
  const field = dialog.getByRole('textbox', { name: label });
  await field.fill(code);
  await expect(dialog.getByText('Reading the code…')).toHaveCount(0);
}

/** The answer code exactly as the UI shows it (grouped, line breaks kept). */
export async function shownAnswer(dialog: Locator): Promise<string> {
  const answer = dialog.getByLabel('Answer code');
  await expect(answer).toBeVisible();
  await expect(dialog.getByText('Checked against the root certificate')).toBeVisible();
  return (await answer.textContent()) ?? '';
}

/** Changes settings through the same API the settings screen uses (language, theme), then reloads. */
export async function setSettings(
  app: AppHandle,
  patch: { language?: 'en' | 'de' | 'ru'; theme?: 'light' | 'dark' | 'system' },
): Promise<void> {
  const ok = await app.page.evaluate(async (body) => {
    const token = /token=([^&]+)/.exec(location.hash)?.[1] ?? '';
    const r = await fetch('/api/settings:set', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    return ((await r.json()) as { ok: boolean }).ok;
  }, patch);
  expect(ok).toBe(true);
  await ready(app);
}

export const setLanguage = (app: AppHandle, language: 'en' | 'de' | 'ru'): Promise<void> =>
  setSettings(app, { language });

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, name) });
}

/** Changes one data character of group `group` (1-based after the tag) of an armoured code. */
export function typoInGroup(code: string, group: number): { text: string; typed: string } {
  const lines = code.split('\n').map((l) => l.split('-'));
  const flat = lines
    .flatMap((parts, li) => parts.map((p, pi) => ({ li, pi, p })))
    .filter((x) => !(x.li === 0 && x.pi === 0));
  const target = flat[group - 1]!;
  const ch = target.p[2] === 'Z' ? 'Y' : 'Z';
  const typed = `${target.p.slice(0, 2)}${ch}${target.p.slice(3)}`;
  lines[target.li]![target.pi] = typed;
  return { text: lines.map((l) => l.join('-')).join('\n'), typed };
}
