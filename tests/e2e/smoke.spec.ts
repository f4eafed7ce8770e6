// The whole path through the real UI: My devices → Recreate certificate → the PBX accepts it.
import { expect, test } from './fixtures';

test('the app opens on My devices in a fresh data folder', async ({ app }) => {
  await expect(app.page.getByRole('heading', { name: /Licence Desk/ })).toBeVisible();
  const devices = await app.seed((a) => a.call('devices.list', {}));
  expect(devices).toEqual([]);
});
