// 100,000 devices: seeded straight into the database, listed, scrolled to the end, searched.
import { expect, test } from './fixtures';
import { bulkSerial, insertDevices } from './bulk';

test.use({ acceptedEula: true });

const COUNT = 100_000;

test('My devices stays usable with 100,000 devices', async ({ app }) => {
  test.setTimeout(120_000);
  const { page } = app;
  let started = Date.now();
  await app.seed((a) => insertDevices(a, COUNT));
  console.log(`seeded ${COUNT} devices in ${Date.now() - started} ms`);

  started = Date.now();
  await page.reload();
  await expect(page.getByText('100,000 of 100,000 devices')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: bulkSerial(0) })).toBeVisible();
  console.log(`listed in ${Date.now() - started} ms`);
  // Only the rows in view exist in the DOM.
  expect(await page.getByRole('row').count()).toBeLessThan(80);

  // Scroll to the very end: the last serial appears.
  const body = page.locator('.tbody');
  await body.evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
  await expect(page.getByRole('button', { name: bulkSerial(COUNT - 1) })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(bulkSerial(COUNT - 1)) })).toHaveAttribute(
    'aria-rowindex',
    String(COUNT + 1),
  );

  // Search one serial, typed key by key.
  const search = page.getByRole('searchbox', { name: 'Search' });
  started = Date.now();
  await search.pressSequentially(bulkSerial(76_543).toLowerCase(), { delay: 0 });
  await expect(page.getByText('1 of 100,000 devices')).toBeVisible();
  console.log(`typed and filtered in ${Date.now() - started} ms`);
  await expect(page.getByRole('row', { name: new RegExp(bulkSerial(76_543)) })).toContainText('Site 76543');

  // Sort by end date on the full list.
  await search.fill('');
  await page.getByRole('columnheader', { name: 'End date' }).getByRole('button').click();
  await expect(page.getByRole('columnheader', { name: 'End date' })).toHaveAttribute('aria-sort', 'ascending');
  await expect(page.getByRole('row').nth(1)).toContainText('Expiring'); // the earliest end: tomorrow
  await page.screenshot({ path: 'docs/screenshots/my-devices-100k.png' });
});
