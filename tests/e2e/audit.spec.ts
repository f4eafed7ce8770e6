// The audit log: entries newest first, filters, and the chain check.
import { expect, test } from './fixtures';
import { seedFleet } from './support';

test.use({ acceptedEula: true });

test('lists the audit log, filters by action and subject, and verifies the chain', async ({ app }) => {
  const { page } = app;
  await seedFleet(app);
  await app.openScreen('Audit log');
  const table = page.getByRole('table', { name: 'Audit log' });
  // 6 devices added, 5 licences granted, and for the Askozia PBX its registration created, EULA
  // accepted and registration linked (a grant on a host-bound model needs them): 15 entries.
  await expect(table.getByRole('row')).toHaveCount(1 + 15);
  await expect(table.getByRole('row').nth(1)).toContainText('licence.grant'); // newest first
  await page.getByRole('textbox', { name: 'Action' }).fill('device.add');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(table.getByRole('row')).toHaveCount(1 + 6);
  await page.getByRole('textbox', { name: 'Subject' }).fill('CTX-1003');
  await page.keyboard.press('Enter');
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table).toContainText('Schmidt & Partner');
  await page.getByRole('button', { name: 'Verify chain' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The chain is intact' })).toContainText('15 entries checked');
  await page.screenshot({ path: 'docs/screenshots/audit-log.png' });
});
