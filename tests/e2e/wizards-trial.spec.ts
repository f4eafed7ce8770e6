// Register product and Activate trial (Askozia) end to end: the form gives a MIKO registration
// number, "Activate trial now" carries it into the trial wizard, the licence agreement is accepted,
// the simulated host's initialisation code is answered, and the host accepts the answer shown.
// Typos in the registration number: a wrong character is named at once, a failing check
// character is placed by the authority (which knows the intended number).
import { expect, test } from './fixtures';
import { continueButton, openWizard, pasteCode, ready, screenshot, shownAnswer } from './wizards-helpers';

const SERIAL = 'ASK-000777';
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The number with character `position` (1-based) of group `group` replaced by another valid one. */
function mistype(number: string, group: number, position: number): string {
  const at = 'MIKO-'.length + (group - 1) * 6 + (position - 1);
  const next = ALPHABET[(ALPHABET.indexOf(number[at]!) + 7) % 32]!;
  return `${number.slice(0, at)}${next}${number.slice(at + 1)}`;
}

test('register product, then activate the 30-day trial right away; the host accepts the answer', async ({ app }) => {
  await app.seed((a) => a.call('devices.add', { serial: SERIAL, model: 'askozia-pbx', name: 'Office PC' }));
  const host = await app.pbx(SERIAL, 'askozia-pbx');
  const initCode = await host.initCode();
  const page = await ready(app);

  const dialog = await openWizard(page, SERIAL, 'Register product');
  const register = dialog.getByRole('button', { name: 'Register', exact: true });
  await expect(dialog.getByRole('textbox', { name: 'Company' })).toBeFocused();
  await expect(register).toBeDisabled();
  await dialog.getByRole('textbox', { name: 'Company' }).fill('Beispiel AG');
  await dialog.getByRole('textbox', { name: 'Email' }).fill('not-an-email');
  await expect(dialog.getByText('An email address such as name@example.com.')).toBeVisible();
  await expect(register).toBeDisabled();
  await dialog.getByRole('textbox', { name: 'Email' }).fill('it@beispiel.example');
  await dialog.getByRole('textbox', { name: 'Contact person' }).fill('Erika Muster');
  await page.keyboard.press('Enter');

  const number = (await dialog.getByLabel('Registration number').textContent()) ?? '';
  expect(number).toMatch(/^MIKO(-[0-9A-Z]{5}){4}$/);
  await expect(dialog.getByText('The 30-day trial starts when this number is entered on a host')).toBeVisible();
  await screenshot(page, 'wizard-register-number.png');
  await dialog.getByRole('button', { name: 'Activate trial now' }).click();

  // The trial wizard, with the number and the device already filled in.
  await expect(dialog.getByRole('textbox', { name: 'Registration number' })).toHaveValue(number);
  await expect(dialog.getByRole('combobox', { name: 'Device' })).toHaveValue(SERIAL);
  await continueButton(dialog).click();

  // The licence agreement: Continue only once accepted.
  await expect(dialog.getByRole('document', { name: 'Licence agreement' })).toContainText(
    'Licence agreement (EULA), version 1.0',
  );
  await expect(continueButton(dialog)).toBeDisabled();
  // In English the vendor's English text needs no note.
  await expect(dialog.getByText('in English only')).toHaveCount(0);
  await dialog.getByRole('checkbox', { name: 'I accept the licence agreement' }).check();
  await continueButton(dialog).click();

  await pasteCode(dialog, initCode);
  await dialog.getByRole('button', { name: 'Start trial' }).click();
  await expect(dialog.getByText(`Trial started for ${number}`)).toBeVisible();
  const status = await host.install(await shownAnswer(dialog));
  expect(status.state).toBe('trial');
  expect(status.licences).toEqual([expect.objectContaining({ number: 33, quantity: 1, source: 'trial' })]);
  const days = (Date.parse(status.licences[0]!.notAfter!) - Date.now()) / 86_400_000;
  expect(Math.round(days)).toBe(30);
});

test('activate trial with an existing number: typos are named by group, then the trial starts', async ({ app }) => {
  const { number } = await app.seed(async (a) => {
    await a.call('devices.add', { serial: SERIAL, model: 'askozia-pbx' });
    await a.call('devices.add', { serial: 'CTX-1', model: 'comtrexx-business' }); // not offered: not an Askozia model
    return a.call('registrations.create', { company: 'Beispiel AG', email: 'it@beispiel.example' });
  });
  const host = await app.pbx(SERIAL, 'askozia-pbx');
  const initCode = await host.initCode();
  const page = await ready(app);
  const dialog = await openWizard(page, SERIAL, 'Activate trial');
  const field = dialog.getByRole('textbox', { name: 'Registration number' });
  await expect(field).toBeFocused();
  await dialog.getByRole('combobox', { name: 'Device' }).press('ArrowDown');
  await expect(dialog.getByRole('listbox', { name: 'Device' }).getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await field.focus();

  // A character that never appears in numbers: named at once, Continue stays off.
  await field.fill(`${number.slice(0, 13)}U${number.slice(14)}`);
  await expect(dialog.getByText('Typo in group 2 (character 3)', { exact: false })).toBeVisible();
  await expect(continueButton(dialog)).toBeDisabled();

  // A valid character in the wrong place: only the check character fails here; the authority
  // (which knows the intended number) names the group when the number is used.
  await field.fill(mistype(number, 3, 4).toLowerCase());
  await expect(dialog.getByText('The check character does not match', { exact: false })).toBeVisible();
  await continueButton(dialog).click();
  await dialog.getByRole('checkbox', { name: 'I accept the licence agreement' }).check();
  await continueButton(dialog).click();
  await expect(
    dialog.getByText('The registration number has a typo in group 3, character 4', { exact: false }),
  ).toBeVisible();
  await expect(field).toBeVisible();
  await screenshot(page, 'wizard-trial-typo.png');

  await field.fill(number);
  await expect(dialog.getByText(`✓ ${number}`)).toBeVisible();
  await continueButton(dialog).click();
  await continueButton(dialog).click(); // still accepted
  await pasteCode(dialog, initCode);
  await dialog.getByRole('button', { name: 'Start trial' }).click();
  expect((await host.install(await shownAnswer(dialog))).state).toBe('trial');
});
