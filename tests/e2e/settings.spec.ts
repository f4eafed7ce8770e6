// Settings: language (EN → DE → RU, remembered), theme (light/dark, remembered).
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
  // Mode, data and backup: what this version has, and a disabled backup with its reason.
  await expect(page.getByRole('button', { name: 'Back up now' })).toBeDisabled();
  await expect(page.getByText('Backups from the app are not available in this version')).toBeVisible();
});
