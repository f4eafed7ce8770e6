// CSV import (chunks, progress, per-row errors with their spreadsheet row numbers) and export of
// the visible rows.
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

test.use({ acceptedEula: true });

const rows = (n: number, from = 1) =>
  Array.from(
    { length: n },
    (_, i) => `IMP-${String(from + i).padStart(5, '0')},comtrexx-vm,PBX ${from + i},Customer ${(from + i) % 7}`,
  );

test('imports a CSV in chunks, lists every refused row by number, and exports the visible rows', async ({ app }) => {
  const { page } = app;
  const csv = [
    'Serial,Model,Name,Customer',
    ...rows(1200),
    'BAD SERIAL,comtrexx-vm,Broken,', // row 1202: a space is not allowed
    'IMP-09999,no-such-model,Unknown model,', // row 1203
    'IMP-00001,comtrexx-vm,Duplicate,', // row 1204: already in this file
    'IMP-09998,comtrexx-vm,"Too, many",fields,extra', // row 1205
  ].join('\n');
  await page.getByRole('button', { name: 'Import CSV' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Import devices from CSV' });
  await dialog
    .getByLabel('CSV file')
    .setInputFiles({ name: 'devices.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(dialog.getByText('Done: 1,200 added, 4 refused.')).toBeVisible({ timeout: 30_000 });
  await expect(dialog.getByRole('progressbar', { name: 'Import progress' })).toHaveAttribute('value', '1204');
  const errors = dialog.getByRole('table', { name: '4 rows were refused' });
  // Refused while reading, saying what is wrong and what a serial may contain.
  await expect(errors.getByRole('row', { name: /^1202 / })).toContainText('SERIAL_INVALID');
  await expect(errors.getByRole('row', { name: /^1202 / })).toContainText('contains a space');
  await expect(errors.getByRole('row', { name: /^1202 / })).toContainText("letters A–Z, digits 0–9, '.', '_' and '-'");
  await expect(errors.getByRole('row', { name: /^1203 / })).toContainText('no-such-model');
  await expect(errors.getByRole('row', { name: /^1204 / })).toContainText('DEVICE_EXISTS');
  await expect(errors.getByRole('row', { name: /^1205 / })).toContainText('CSV_TOO_MANY_FIELDS');
  await page.screenshot({ path: 'docs/screenshots/csv-import.png' });
  await dialog.getByRole('button', { name: 'Close' }).last().click();
  await expect(page.getByText('1,200 of 1,200 devices')).toBeVisible();

  // Export what is visible: a search narrows it to 11 rows (IMP-00100…IMP-00109 and IMP-01000…).
  await page.getByRole('searchbox', { name: 'Search' }).fill('imp-0010');
  await expect(page.getByText('10 of 1,200 devices')).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^licence-desk-devices-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = readFileSync((await download.path())!, 'utf8');
  const lines = text.trim().split('\r\n');
  expect(lines[0]).toBe('serial,model,name,customer,status,licences,end_date,last_verified');
  expect(lines).toHaveLength(11);
  expect(lines[1]).toBe('IMP-00100,comtrexx-vm,PBX 100,Customer 2,unlicensed,,,');
});

test('a CSV without the header row is refused as a whole, saying what is missing', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: 'Import CSV' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('CSV file').setInputFiles({
    name: 'x.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('CTX-1,comtrexx-vm\nCTX-2,comtrexx-vm\n'),
  });
  await expect(dialog.getByRole('alert')).toContainText('"serial" and "model" are missing');
  await expect(dialog.getByRole('alert')).toContainText('CSV_HEADER_MISSING');
});
