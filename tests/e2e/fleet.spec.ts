// Fleet health: end dates in 7/30/90 days, not verified, tryouts and trials; the ICS export.
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { seedFleet, seedTryoutAndTrial } from './support';

test.use({ acceptedEula: true });

test('fleet health groups what ends soon and exports the end dates as a calendar', async ({ app }) => {
  const { page } = app;
  await seedFleet(app);
  await seedTryoutAndTrial(app);
  await page.reload();
  await app.openScreen('Fleet health');
  await expect(page.getByRole('heading', { name: 'Fleet health', level: 1 })).toBeVisible();
  const overview = page.getByRole('list', { name: 'Overview' });
  await expect(overview.getByRole('link', { name: /^1 Ending within 7 days/ })).toBeVisible();
  await expect(overview.getByRole('link', { name: /^1 Ending in 8 to 30 days/ })).toBeVisible();
  await expect(overview.getByRole('link', { name: /^1 Ending in 31 to 90 days/ })).toBeVisible();
  await expect(overview.getByRole('link', { name: /^1 Tryouts ending/ })).toBeVisible();
  await expect(overview.getByRole('link', { name: /^1 Trial licences ending/ })).toBeVisible();
  await expect(page.getByRole('table', { name: /Ending within 7 days/ })).toContainText('CTX-1003');
  await expect(page.getByRole('table', { name: /Ending in 8 to 30 days/ })).toContainText('CTX-1002');
  await expect(page.getByRole('table', { name: /Ending in 31 to 90 days/ })).toContainText('AKZ-2001');
  await expect(page.getByRole('table', { name: /Tryouts ending/ })).toContainText('14 days');
  await expect(page.getByRole('table', { name: /Trial licences ending/ })).toContainText('AKZ-3001');
  await page.screenshot({ path: 'docs/screenshots/fleet-health.png', fullPage: true });

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export end dates (ICS)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.ics$/);
  const ics = readFileSync((await download.path())!, 'utf8');
  expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
  expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  // Every device with a future end date: 4 licensed + tryout + trial.
  expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(6);
  expect(ics).toMatch(/UID:CTX-1003-\d{8}@licence-desk/);
  expect(ics).toContain('SUMMARY:Licence ends: Cloud PBX');
  expect(ics.split('\r\n').every((l) => new TextEncoder().encode(l).length <= 75)).toBe(true);

  // A device from the list opens its detail page.
  await page
    .getByRole('table', { name: /Trial licences ending/ })
    .getByRole('button', { name: 'AKZ-3001' })
    .click();
  await expect(page.getByRole('heading', { name: 'Askozia trial · AKZ-3001' })).toBeVisible();
  await expect(page.getByRole('table', { name: /Licence bindings to hosts/ })).toContainText('33');
  await expect(page.getByRole('table', { name: /Certificates/ })).toContainText('Current');
  await expect(page.getByRole('table', { name: /Licences/ })).toContainText('Trial licence');
  await page.getByRole('button', { name: 'Info on the binding of feature 33' }).click();
  await expect(page.getByText('Active bindings on this host')).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 1150 });
  await page.screenshot({ path: 'docs/screenshots/device-detail.png' });
});
