// Where the user is survives a reload and follows back/forward; the keyboard path: a skip link to
// the content, and Enter on a serial moves the focus into the device's page, not to nowhere.
import { expect, test } from './fixtures';
import { seedFleet } from './support';

test.use({ acceptedEula: true });

test('reload keeps the screen and the device; back and forward move between them', async ({ app }) => {
  const { page } = app;
  await seedFleet(app);
  await page.reload();
  await page.getByRole('button', { name: 'CTX-1002' }).click();
  await expect(page.getByRole('heading', { name: 'Warehouse · CTX-1002' })).toBeVisible();
  expect(page.url()).toContain('device=CTX-1002');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Warehouse · CTX-1002' })).toBeVisible();
  await expect(page.getByRole('table', { name: /Licences/ })).toContainText('25');

  await app.openScreen('Audit log');
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Warehouse · CTX-1002' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'My devices' })).toBeVisible();
  await page.goForward();
  await expect(page.getByRole('heading', { name: 'Warehouse · CTX-1002' })).toBeVisible();
});

test('a skip link leads to the content; Enter on a serial keeps the focus in the page', async ({ app }) => {
  const { page } = app;
  await seedFleet(app);
  await page.reload();
  await expect(page.getByRole('button', { name: 'CTX-1001' })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#content')).toBeFocused();
  expect(page.url()).not.toMatch(/#$/);

  await page.getByRole('button', { name: 'CTX-1003' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Cloud PBX · CTX-1003' })).toBeFocused();
});
