// Start tryout end to end: the COMtrexx VM gets 14 days with 3 test users once (the wizard says
// so before anything starts), the answer comes right away with the initialisation code, and the
// simulated PBX accepts it. A Business PBX is not offered; a second start is
// refused in words.
import { expect, test } from './fixtures';
import { continueButton, openWizard, pasteCode, ready, screenshot, shownAnswer } from './wizards-helpers';

const VM = 'VM-004711';
const BUSINESS = 'CTB-000815';

test('tryout on a COMtrexx VM: explained, started with the code, accepted by the PBX; once only', async ({ app }) => {
  await app.seed(async (a) => {
    await a.call('devices.add', { serial: VM, model: 'comtrexx-vm', name: 'Test lab' });
    await a.call('devices.add', { serial: BUSINESS, model: 'comtrexx-business', name: 'Head office' });
  });
  const pbx = await app.pbx(VM, 'comtrexx-vm');
  const initCode = await pbx.initCode();
  const page = await ready(app);

  const dialog = await openWizard(page, VM, 'Start tryout');
  await expect(dialog.getByText('Tryout mode runs the PBX for 14 days with 3 test user licences')).toBeVisible();
  await expect(
    dialog.getByText('Once per PBX: after it ends, it can never be used again on this PBX.').first(),
  ).toBeVisible();
  await screenshot(page, 'wizard-tryout-explained.png');

  // A Business PBX has no tryout: the picker does not offer it (the device page's own rules).
  const picker = dialog.getByRole('combobox', { name: 'Device' });
  await picker.fill(BUSINESS);
  await expect(dialog.getByText('No device matches.')).toBeVisible();
  await expect(dialog.getByRole('listbox', { name: 'Device' }).getByRole('option')).toHaveCount(0);
  await picker.fill('');
  await dialog
    .getByRole('listbox', { name: 'Device' })
    .getByRole('option', { name: new RegExp(`^${VM}`) })
    .click();
  await expect(picker).toHaveValue(VM);
  await continueButton(dialog).click();
  // The code is optional; a broken one keeps Start tryout off (nothing is used up).
  const start = dialog.getByRole('button', { name: 'Start tryout' });
  await expect(start).toBeEnabled();
  await pasteCode(dialog, initCode.slice(0, 40), 'Initialisation code (optional)');
  await expect(start).toBeDisabled();
  await pasteCode(dialog, initCode, 'Initialisation code (optional)');
  await start.click();
  await expect(dialog.getByText('Tryout started: 3 test users until')).toBeVisible();
  const status = await pbx.install(await shownAnswer(dialog));
  expect(status.state).toBe('tryout');
  expect(status.licences).toEqual([expect.objectContaining({ number: 11, quantity: 3, source: 'tryout' })]);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();

  // Again: refused in words, no way forward.
  const again = await openWizard(page, VM, 'Start tryout');
  await expect(again.getByText('The tryout is running: 14 days left', { exact: false })).toBeVisible();
  await expect(continueButton(again)).toHaveCount(0);
});
