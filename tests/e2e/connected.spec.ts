// A reseller's day in connected mode, in the UI, against a real `licence-desk serve` on PostgreSQL
// (tests/e2e/connected-fixtures.ts): connect with a token (kept in the real OS keychain), see only
// this reseller's devices, redeem a coupon the vendor minted, recreate the certificate (the PBX
// simulator accepts it), and never see what another reseller does on the same server.
import { osKeychain } from '../../src/main/services/keychain';
import { serverTokens } from '../../src/main/services/secrets';
import { expect, test } from './connected-fixtures';
import { continueButton, pasteCode, shownAnswer } from './wizards-helpers';

// Each CLI call is a fresh Node process: on a shared CI machine the day takes longer than the default.
test.setTimeout(240_000);

const ACME_VM = 'ACME-VM-1';
const BETA_VM = 'BETA-VM-1';

test('a reseller connects, works a whole day against the server, and never sees the neighbour', async ({
  desk,
  server,
}) => {
  const { page } = desk;
  server.cli(server.acme, ['device', 'add', '--serial', ACME_VM, '--model', 'comtrexx-vm', '--customer', 'Schmidt KG']);
  server.cli(server.beta, ['device', 'add', '--serial', BETA_VM, '--model', 'comtrexx-vm']);
  const coupon = (
    JSON.parse(server.cli(server.vendor, ['coupon', 'mint', '--feature', '11', '--quantity', '5', '--json'])) as {
      codes: string[];
    }
  ).codes[0]!;

  // Connect from Settings, with Acme's token.
  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('radio', { name: 'Connected to a server' }).check();
  await page.getByLabel('Server address', { exact: true }).fill(server.url);
  await page.getByLabel('Access token', { exact: true }).fill(server.acme);
  await page.getByRole('button', { name: 'Save mode' }).click();
  await expect(page.getByText(/root certificate is pinned \(SHA-256 [0-9a-f]{16}…\)/)).toBeVisible();
  // The token is in the OS keychain (the very entry the CLI's `login` uses), not in the page.
  expect(await serverTokens(osKeychain()).get(server.url)).toBe(server.acme);

  // A new desk process on the same folder: connected again from the keychain alone.
  await desk.restart();
  await page.getByRole('navigation').getByRole('button', { name: 'My devices' }).click();
  await expect(page.getByRole('button', { name: ACME_VM, exact: true }).first()).toBeVisible();
  await expect(page.getByText(BETA_VM)).toHaveCount(0);

  // Redeem the vendor's coupon, then recreate the certificate; the PBX accepts the answer.
  const pbx = desk.pbx(ACME_VM, 'comtrexx-vm');
  const initCode = await pbx.initCode();
  await page.getByRole('button', { name: ACME_VM, exact: true }).first().click();
  await page
    .getByRole('group', { name: 'Licensing' })
    .getByRole('button', { name: 'Redeem coupon', exact: true })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Redeem coupon' });
  await dialog.getByRole('textbox', { name: 'Coupon code' }).fill(coupon);
  await dialog.getByRole('button', { name: 'Redeem coupon' }).click();
  await expect(dialog.getByText(`Coupon redeemed for ${ACME_VM}.`)).toBeVisible();
  await dialog.getByRole('button', { name: 'Recreate certificate' }).click();
  await continueButton(dialog).click();
  await pasteCode(dialog, initCode);
  await continueButton(dialog).click();
  const status = await pbx.install(await shownAnswer(dialog));
  expect(status.state).toBe('licensed');
  expect(status.licences).toEqual([expect.objectContaining({ number: 11, quantity: 5, source: 'coupon' })]);
  await dialog.getByRole('button', { name: 'Done' }).click();

  // The work is on the server: the CLI with Acme's token sees the redeemed licences.
  expect(server.cli(server.acme, ['device', 'show', ACME_VM])).toContain(ACME_VM);

  // Beta changes its own fleet meanwhile; Acme's desk never shows it, nor can open it.
  server.cli(server.beta, ['device', 'add', '--serial', 'BETA-VM-2', '--model', 'comtrexx-vm']);
  server.cli(server.beta, ['device', 'rename', BETA_VM, '--name', 'Renamed by Beta']);
  await page.reload();
  await page.getByRole('navigation').getByRole('button', { name: 'My devices' }).click();
  await expect(page.getByRole('button', { name: ACME_VM, exact: true }).first()).toBeVisible();
  await expect(page.getByText(/BETA-VM|Renamed by Beta/)).toHaveCount(0);
});
