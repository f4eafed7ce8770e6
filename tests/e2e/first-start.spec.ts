// First start: Licence Desk's licence agreement gate, then the mode.
import { expect, test } from './fixtures';

test('declining the licence agreement explains why and shows no app behind it', async ({ app }) => {
  const { page } = app;
  await expect(page.getByRole('heading', { name: 'Licence agreement for Licence Desk' })).toBeVisible();
  await page.screenshot({ path: 'docs/screenshots/eula.png' });
  await page.getByRole('button', { name: 'Decline' }).click();
  await expect(page.getByRole('alert')).toContainText(
    "Licence Desk can't be used without accepting the licence agreement",
  );
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'My devices' })).toHaveCount(0);
  // Nothing was stored: a reload asks again.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Accept' })).toBeVisible();
});

test('accepting continues to the mode, and is remembered across a reload', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: 'Accept' }).click();
  await expect(page.getByRole('heading', { name: 'Where should Licence Desk keep your licences?' })).toBeVisible();
  await expect(page.getByRole('radio', { name: /Work offline on this computer/ })).toBeChecked();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'My devices' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'My devices' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Accept' })).toHaveCount(0);
});

test('connecting to a server is checked by main, and its refusal is shown as it says it', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: 'Accept' }).click();
  await page.getByRole('radio', { name: /Connect to a licence server/ }).check();
  // Nothing listens there: main refuses (server unreachable) before it stores or switches anything.
  await page.getByLabel('Server address', { exact: true }).fill('http://127.0.0.1:9');
  await page.getByLabel('Access token', { exact: true }).fill('not-a-real-token-1234');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByRole('alert')).not.toContainText('{');
  await expect(page.getByRole('heading', { name: 'Where should Licence Desk keep your licences?' })).toBeVisible();
  // Embedded still works.
  await page.getByRole('radio', { name: /Work offline on this computer/ }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'My devices' })).toBeVisible();
});

test.describe('in German', () => {
  test.use({ locale: 'de-DE' });
  test('the first start speaks the OS language, and keeps it once accepted', async ({ app }) => {
    const { page } = app;
    await expect(page.getByRole('heading', { name: 'Lizenzvereinbarung (EULA) für Licence Desk' })).toBeVisible();
    await page.getByRole('button', { name: 'Akzeptieren' }).click();
    await page.getByRole('button', { name: 'Weiter' }).click();
    await expect(page.getByRole('heading', { name: 'Meine Geräte' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Meine Geräte' })).toBeVisible();
  });
});
