// The device page offers the next step for the model and the state, as the primary button, and
// nothing that cannot apply (no tryout for a Business PBX, no empty certificate, no second tryout
// once licences are bought).
import { expect, test } from './fixtures';
import { seedFleet } from './support';
import { openDevice, ready } from './wizards-helpers';

test.use({ acceptedEula: true });

test('an unlicensed Business says what to buy; a licensed PBX recreates first', async ({ app }) => {
  await seedFleet(app);
  const page = await ready(app);
  const licensing = page.getByRole('group', { name: 'Licensing' });

  await openDevice(page, 'CTX-1004'); // COMtrexx Business, no licences
  await expect(page.getByRole('note')).toContainText('Needs licences');
  await expect(page.getByRole('note')).toContainText('COMtrexx Business has no tryout');
  await expect(page.getByRole('note')).toContainText('System activation');
  await expect(licensing.getByRole('button')).toHaveText(['Redeem coupon']);
  await expect(licensing.getByRole('button', { name: 'Redeem coupon' })).toHaveClass(/primary/);
  await page.screenshot({ path: 'docs/screenshots/device-detail-needs-licences.png' });

  await openDevice(page, 'CTX-1003'); // COMtrexx VM with bought user licences
  await expect(page.getByRole('note')).toHaveCount(0);
  await expect(licensing.getByRole('button')).toHaveText(['Recreate certificate', 'Redeem coupon']);
  await expect(licensing.getByRole('button', { name: 'Recreate certificate' })).toHaveClass(/primary/);
});

test('a new VM starts with its tryout; a new Askozia with its registration', async ({ app }) => {
  await app.seed(async (a) => {
    await a.call('devices.add', { serial: 'VM-1', model: 'comtrexx-vm' });
    await a.call('devices.add', { serial: 'AKZ-1', model: 'askozia-pbx' });
  });
  const page = await ready(app);
  const licensing = page.getByRole('group', { name: 'Licensing' });
  await openDevice(page, 'VM-1');
  await expect(licensing.getByRole('button')).toHaveText(['Start tryout', 'Redeem coupon']);
  await expect(licensing.getByRole('button', { name: 'Start tryout' })).toHaveClass(/primary/);
  await openDevice(page, 'AKZ-1');
  await expect(licensing.getByRole('button')).toHaveText(['Register product', 'Activate trial', 'Redeem coupon']);
  await expect(licensing.getByRole('button', { name: 'Register product' })).toHaveClass(/primary/);
});
