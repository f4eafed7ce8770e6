// Settings: language (EN → DE → RU, remembered), theme (light/dark, remembered), backup.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { readArchive } from '../../src/authority/backup/archive';
import type { Payload } from '../../src/authority/backup/payload';
import { expect, test } from './fixtures';
import { seedFleet } from './support';

test.use({ acceptedEula: true });

test('switching the language changes every screen and is remembered', async ({ app }) => {
  const { page } = app;
  const nav = page.getByRole('navigation');
  await expect(nav.getByRole('button', { name: 'My devices' })).toBeVisible();
  await app.openScreen('Settings');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('de');
  await expect(nav.getByRole('button', { name: 'Meine Geräte' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Einstellungen' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await page.getByRole('combobox', { name: 'Sprache' }).selectOption('ru');
  await expect(nav.getByRole('button', { name: 'Мои устройства' })).toBeVisible();
  await nav.getByRole('button', { name: 'Мои устройства' }).click();
  await expect(page.getByRole('heading', { name: 'Мои устройства' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Устройств пока нет' })).toBeVisible();
  await page.screenshot({ path: 'docs/screenshots/my-devices-ru.png' });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Мои устройства' })).toBeVisible();
});

test('the theme switches between light and dark and is remembered', async ({ app }) => {
  const { page } = app;
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await app.openScreen('Settings');
  await page.getByRole('radio', { name: 'Light' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  const light = await background();
  await page.getByRole('radio', { name: 'Dark' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await background()).not.toBe(light);
  await page.screenshot({ path: 'docs/screenshots/settings-dark.png' });
  await seedFleet(app);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  // The reload stays on Settings (the screen is in the address); My devices lists the seeded fleet.
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await app.openScreen('My devices');
  await expect(page.getByText('6 of 6 devices')).toBeVisible();
  await page.screenshot({ path: 'docs/screenshots/my-devices-dark.png' });
  await app.openScreen('Settings');
  await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
  // Mode, data and backup: the data folder's path, Back up now and Restore.
  await expect(page.locator('.data-folder')).toHaveText(app.dataDir);
  await expect(page.getByRole('button', { name: 'Back up now' })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Restore' })).toBeEnabled();
});

test('Back up now writes an encrypted backup that opens with its passphrase; the data folder is shown', async ({
  app,
}) => {
  const { page } = app;
  await app.seed((a) => a.call('devices.add', { serial: 'E2E-BAK-1', model: 'comtrexx-vm' }));
  await app.openScreen('Settings');
  await expect(page.locator('.data-folder')).toHaveText(app.dataDir);
  const file = join(mkdtempSync(join(tmpdir(), 'ld-e2e-bak-')), 'desk.ldbackup');
  await page.getByLabel('Backup file').fill(file);
  await page.getByLabel('Backup passphrase').fill('short');
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByRole('alert')).toContainText('BACKUP_PASSPHRASE_WEAK');
  expect(existsSync(file)).toBe(false);
  await page.getByLabel('Backup passphrase').fill('e2e backup passphrase');
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByText(`Backed up to ${file}.`)).toBeVisible();
  expect(readFileSync(file, 'latin1')).not.toContain('E2E-BAK-1');
  // The archive opens with the passphrase and holds the device (checked outside the app).
  const payload = readArchive(file, 'e2e backup passphrase') as Payload;
  expect(payload.manifest.authorityId).toMatch(/^[0-9a-f]{64}$/);
  expect(Buffer.from(payload.files['authority.db']!, 'base64').toString('latin1')).toContain('E2E-BAK-1');
  // A second click with the same typed path refuses to overwrite it.
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByRole('alert')).toContainText('BACKUP_FILE_EXISTS');
  rmSync(dirname(file), { recursive: true, force: true });
});
