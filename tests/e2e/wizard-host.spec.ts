// The wizard host: wizards open from My devices and the detail page in an accessible modal
// dialog (named, focus inside, Escape closes and gives focus back), and the list refreshes after.
import { expect, test } from './fixtures';
import { seedFleet, seedTryoutAndTrial } from './support';

test.use({ acceptedEula: true });

test('wizards open in a named modal dialog that Escape closes', async ({ app }) => {
  const { page } = app;
  await seedFleet(app);
  await seedTryoutAndTrial(app);
  await page.reload();

  const rowButton = page.getByRole('row', { name: /CTX-1001/ }).getByRole('button', { name: 'Recreate certificate' });
  await rowButton.click();
  const dialog = page.getByRole('dialog', { name: 'Recreate certificate' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('combobox', { name: 'Device' })).toHaveValue('CTX-1001');
  // Focus is inside the dialog, and Tab keeps it there.
  await expect.poll(() => dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  for (let i = 0; i < 12; i++) await page.keyboard.press('Tab');
  await expect.poll(() => dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(rowButton).toBeFocused();

  // From the detail page of an Askozia host: its binding's Reset… opens the reset wizard.
  await page.getByRole('button', { name: 'AKZ-3001' }).click();
  await page.getByRole('button', { name: /Reset binding of feature 33/ }).click();
  await expect(page.getByRole('dialog', { name: 'Reset binding' })).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).first().click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Askozia trial · AKZ-3001' })).toBeVisible();
});
