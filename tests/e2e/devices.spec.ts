// My devices: the list with its badges, add, search, filters, sorting, the detail page.
import { expect, test } from './fixtures';
import { seedFleet } from './support';

test.use({ acceptedEula: true });

test('an empty list offers Add device and Import CSV; a device added shows up', async ({ app }) => {
  const { page } = app;
  await expect(page.getByRole('heading', { name: 'No devices yet' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import CSV' }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Add device' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add a device' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Serial number')).toBeFocused();
  await dialog.getByLabel('Serial number').fill('CTX-7001');
  await dialog.getByLabel('Model').selectOption({ label: 'COMtrexx VM' });
  await dialog.getByLabel('Name').fill('Lab');
  await dialog.getByLabel('Customer').fill('Acme');
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status')).toContainText('Device CTX-7001 added.');
  const row = page.getByRole('row', { name: /CTX-7001/ });
  await expect(row).toContainText('Lab');
  await expect(row).toContainText('COMtrexx VM');
  await expect(row).toContainText('Acme');
  await expect(row).toContainText('Unlicensed');

  // The same serial again: the authority's refusal, in the dialog.
  await page.getByRole('button', { name: 'Add device' }).click();
  await page.getByRole('dialog').getByLabel('Serial number').fill('CTX-7001');
  await page.getByRole('dialog').getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('dialog').getByRole('alert')).toContainText('already registered');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('search, filters and sorting narrow and order the list', async ({ app }) => {
  const { page } = app;
  await seedFleet(app);
  await page.reload();
  await expect(page.getByText('6 of 6 devices')).toBeVisible();
  await expect(page.getByRole('row', { name: /CTX-1003/ })).toContainText('Expiring');
  await expect(page.getByRole('row', { name: /CTX-1004/ })).toContainText('Unlicensed');
  await expect(page.getByRole('row', { name: /CTX-1001/ })).toContainText('Licensed');
  await page.screenshot({ path: 'docs/screenshots/my-devices.png' });

  const search = page.getByRole('searchbox', { name: 'Search' });
  await search.fill('müller');
  await expect(page.getByText('2 of 6 devices')).toBeVisible();
  await search.fill('nordlicht head');
  await expect(page.getByText('1 of 6 devices')).toBeVisible();
  await expect(page.getByRole('row', { name: /CTX-1005/ })).toBeVisible();
  await search.fill('');

  await page.getByLabel('Status').selectOption({ label: 'Expiring' });
  await expect(page.getByText('2 of 6 devices')).toBeVisible();
  await page.getByLabel('Status').selectOption({ label: 'All (without retired)' });
  await page.getByLabel('Model', { exact: true }).selectOption({ label: 'Askozia PBX' });
  await expect(page.getByText('1 of 6 devices')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByRole('spinbutton', { name: 'Expires within (days)' }).fill('10');
  await expect(page.getByText('1 of 6 devices')).toBeVisible();
  await expect(page.getByRole('row', { name: /CTX-1003/ })).toBeVisible();
  await page.getByRole('spinbutton', { name: 'Expires within (days)' }).fill('');
  // None of them ever got a certificate, so none is due to check in yet.
  await page.getByRole('spinbutton', { name: 'Not verified for (days)' }).fill('0');
  await expect(page.getByRole('heading', { name: 'No device matches these filters.' })).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(page.getByText('6 of 6 devices')).toBeVisible();

  // Sorting: by name ascending, then descending.
  const firstSerial = () => page.getByRole('row').nth(1).getByRole('cell').first();
  await page.getByRole('columnheader', { name: 'Name' }).getByRole('button').click();
  await expect(page.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'ascending');
  await expect(firstSerial()).toHaveText('CTX-1004'); // Branch Hamburg
  await page.getByRole('columnheader', { name: 'Name' }).getByRole('button').click();
  await expect(page.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'descending');
  await expect(firstSerial()).toHaveText('CTX-1002'); // Warehouse
  await page.getByRole('columnheader', { name: 'End date' }).getByRole('button').click();
  await expect(firstSerial()).toHaveText('CTX-1003'); // 5 days
});

test('the detail page shows licences and audit entries, renames, moves and retires', async ({ app }) => {
  const { page } = app;
  await seedFleet(app);
  await page.reload();
  await page.getByRole('button', { name: 'CTX-1002' }).click();
  await expect(page.getByRole('heading', { name: 'Warehouse · CTX-1002' })).toBeVisible();
  const licences = page.getByRole('table', { name: /Licences/ });
  await expect(licences.getByRole('row', { name: /User licence/ })).toContainText('25');
  await expect(licences).toContainText('Bought');
  await expect(page.getByRole('table', { name: /Audit entries/ })).toContainText('device.add');
  await expect(page.getByText('No certificate issued yet.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Recreate certificate' })).toBeVisible();
  await page.screenshot({ path: 'docs/screenshots/device-detail-comtrexx.png' });

  await page.getByRole('button', { name: 'Rename…' }).click();
  await page.getByRole('dialog').getByLabel('Name').fill('Warehouse North');
  await page.getByRole('dialog').getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByRole('heading', { name: 'Warehouse North · CTX-1002' })).toBeVisible();

  await page.getByRole('button', { name: 'Move to customer…' }).click();
  await page.getByRole('dialog').getByLabel('Customer').fill('Nordlicht AG');
  await page.getByRole('dialog').getByRole('button', { name: 'Move' }).click();
  await expect(page.getByText('Customer: Nordlicht AG')).toBeVisible();
  await expect(page.getByRole('table', { name: /Audit entries/ })).toContainText('device.move');

  await page.getByRole('button', { name: 'Retire…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Retire' }).click();
  await expect(page.getByText(/^Retired on/)).toBeVisible();
  await page.getByRole('button', { name: 'My devices' }).first().click();
  await expect(page.getByText('5 of 6 devices')).toBeVisible();
  await page.getByLabel('Status').selectOption({ label: 'Retired' });
  await expect(page.getByRole('row', { name: /CTX-1002/ })).toContainText('Retired');
});
