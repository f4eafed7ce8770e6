// Redeem coupon end to end. Coupons are minted in the test (the local actor is also the vendor).
// A COMtrexx VM redeems 5 user licences (typed in lower case with spaces), recreates its
// certificate from the last step, and the PBX accepts the answer with the 5 users; an Askozia
// host not yet linked asks for the customer's registration number and links it first; a coupon redeemed twice is refused in words.
import { expect, test } from './fixtures';
import { continueButton, openWizard, pasteCode, ready, screenshot, shownAnswer } from './wizards-helpers';

const VM = 'VM-000042';
const ASKOZIA = 'ASK-000042';

test('coupon: redeemed once for a VM, then recreate from the wizard; the PBX gets the 5 users', async ({ app }) => {
  const { codes } = await app.seed(async (a) => {
    await a.call('devices.add', { serial: VM, model: 'comtrexx-vm', customer: 'Schmidt KG' });
    return a.call('coupons.mint', { feature: 11, quantity: 5, count: 2 });
  });
  const pbx = await app.pbx(VM, 'comtrexx-vm');
  const initCode = await pbx.initCode();
  const page = await ready(app);

  const dialog = await openWizard(page, VM, 'Redeem coupon');
  const field = dialog.getByRole('textbox', { name: 'Coupon code' });
  await expect(field).toBeFocused();
  const redeem = dialog.getByRole('button', { name: 'Redeem coupon' });
  await expect(redeem).toBeDisabled();
  // As someone might type it from the email: lower case, spaces instead of hyphens.
  await field.fill(` ${codes[0]!.toLowerCase().replace(/-/g, ' ')} `);
  await expect(dialog.getByText(`✓ ${codes[0]}`)).toBeVisible();
  await expect(dialog.getByRole('combobox', { name: 'Device' })).toHaveValue(VM);
  await page.keyboard.press('Enter');

  await expect(dialog.getByText(`Coupon redeemed for ${VM}.`)).toBeVisible();
  await expect(dialog.getByRole('list', { name: 'Licences added' })).toHaveText(
    '5 × User licence (floating) (feature 11), perpetual',
  );
  await screenshot(page, 'wizard-coupon-redeemed.png');

  // The PBX gets the licences with a new certificate: straight on from here.
  await dialog.getByRole('button', { name: 'Recreate certificate' }).click();
  await expect(dialog.getByRole('combobox', { name: 'Device' })).toHaveValue(VM);
  await continueButton(dialog).click();
  await pasteCode(dialog, initCode);
  await continueButton(dialog).click();
  const status = await pbx.install(await shownAnswer(dialog));
  expect(status.state).toBe('licensed');
  expect(status.licences).toEqual([
    expect.objectContaining({ number: 11, quantity: 5, source: 'coupon', notAfter: null }),
  ]);
  await dialog.getByRole('button', { name: 'Done' }).click();

  // The same coupon again: refused with the authority's own words.
  const again = await openWizard(page, VM, 'Redeem coupon');
  await again.getByRole('textbox', { name: 'Coupon code' }).fill(codes[0]!);
  await again.getByRole('button', { name: 'Redeem coupon' }).click();
  await expect(again.getByRole('alert')).toContainText('was already redeemed');
  await expect(again.getByRole('alert')).toContainText('a coupon is redeemed only once');
  // One verdict at a time: the refusal, and no ✓ beside it.
  await expect(again.getByText(`✓ ${codes[0]}`)).toHaveCount(0);
});

test('a coupon with a typo shows the typo and no ✓; fixed, the ✓ comes back', async ({ app }) => {
  const { codes } = await app.seed(async (a) => {
    await a.call('devices.add', { serial: VM, model: 'comtrexx-vm' });
    return a.call('coupons.mint', { feature: 11, quantity: 5 });
  });
  const code = codes[0]!;
  const page = await ready(app);
  const dialog = await openWizard(page, VM, 'Redeem coupon');
  const field = dialog.getByRole('textbox', { name: 'Coupon code' });
  // One character mistyped (a valid character, so the code is complete): caught before sending.
  const typed = `${code.slice(0, 10)}${code[10] === '7' ? '8' : '7'}${code.slice(11)}`;
  await field.fill(typed);
  await expect(dialog.getByText(`The coupon code ${typed} has a typo`)).toBeVisible();
  await expect(dialog.getByText('✓', { exact: false })).toHaveCount(0);
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByRole('button', { name: 'Redeem coupon' })).toBeDisabled();

  await field.fill(code);
  await expect(dialog.getByText(`✓ ${code}`)).toBeVisible();
  await expect(dialog.getByText('has a typo')).toHaveCount(0);
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByRole('button', { name: 'Redeem coupon' })).toBeEnabled();
});

test("coupon for Askozia: the wizard links the host to the customer's number first (no trial needed), then adds the perpetual licence", async ({
  app,
}) => {
  const { codes, number } = await app.seed(async (a) => {
    await a.call('devices.add', { serial: ASKOZIA, model: 'askozia-pbx' });
    const reg = await a.call('registrations.create', { company: 'Beispiel AG', email: 'it@beispiel.example' });
    await a.call('eula.accept', { registration: reg.number });
    return { ...(await a.call('coupons.mint', { feature: 33 })), number: reg.number };
  });
  const host = await app.pbx(ASKOZIA, 'askozia-pbx');
  const initCode = await host.initCode();
  const page = await ready(app);
  const dialog = await openWizard(page, ASKOZIA, 'Redeem coupon');
  await dialog.getByRole('textbox', { name: 'Coupon code' }).fill(codes[0]!);
  await expect(dialog).toContainText(`${ASKOZIA} is not linked to a registration yet`);
  // Without the number the coupon cannot be redeemed; a number with a bad check character is the authority's to place.
  await expect(dialog.getByRole('button', { name: 'Redeem coupon' })).toBeDisabled();
  const field = dialog.getByRole('textbox', { name: 'Registration number' });
  await field.fill(number.slice(0, -1) + (number.endsWith('Z') ? 'Y' : 'Z'));
  await dialog.getByRole('button', { name: 'Redeem coupon' }).click();
  await expect(dialog).toContainText('typo');
  await expect(dialog.getByText(/✓ MIKO-/)).toHaveCount(0); // the number's field: the refusal only
  await field.fill(number);
  await dialog.getByRole('button', { name: 'Redeem coupon' }).click();
  await expect(dialog.getByRole('list', { name: 'Licences added' })).toHaveText(
    '1 × Askozia PBX (feature 33), perpetual',
  );
  await dialog.getByRole('button', { name: 'Recreate certificate' }).click();
  await continueButton(dialog).click();
  await pasteCode(dialog, initCode);
  await continueButton(dialog).click();
  const status = await host.install(await shownAnswer(dialog));
  expect(status.state).toBe('licensed');
  expect(status.licences.some((l) => l.number === 33 && l.notAfter === null)).toBe(true);
});
