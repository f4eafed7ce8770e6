// Recreate certificate end to end: the simulated PBX makes the initialisation code, the wizard
// shows the answer, and the PBX accepts exactly the answer the UI shows (and copies, and saves).
// Plus every refusal before Continue: a typo (the right group marked), another device's code,
// an answer code pasted where the initialisation code belongs.
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import {
  continueButton,
  openWizard,
  pasteCode,
  ready,
  screenshot,
  setLanguage,
  setSettings,
  shownAnswer,
  typoInGroup,
} from './wizards-helpers';

const SERIAL = 'CTX-100200';

test('recreate: device pre-filled, code decoded live, answer copied, saved and accepted by the PBX', async ({
  app,
}) => {
  await app.seed(async (a) => {
    await a.call('devices.add', {
      serial: SERIAL,
      model: 'comtrexx-business',
      name: 'Reception',
      customer: 'Müller GmbH',
    });
    await a.call('licences.grant', { serial: SERIAL, feature: 10 });
    await a.call('licences.grant', { serial: SERIAL, feature: 11, quantity: 8 });
  });
  const pbx = await app.pbx(SERIAL, 'comtrexx-business');
  const initCode = await pbx.initCode();
  const page = await ready(app);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });

  const dialog = await openWizard(page, SERIAL, 'Recreate certificate');
  // Step 1: the device, pre-filled; the licences that come back are listed.
  await expect(dialog.getByRole('combobox', { name: 'Device' })).toHaveValue(SERIAL);
  await expect(dialog.getByRole('combobox', { name: 'Device' })).toBeFocused();
  await expect(dialog.getByText('8 × User licence (floating)', { exact: false })).toBeVisible();
  await continueButton(dialog).click();

  // Step 2: paste; decoded live; Continue only once the code is the device's own.
  await expect(continueButton(dialog)).toBeDisabled();
  await expect(dialog.getByRole('textbox', { name: 'Initialisation code' })).toBeFocused();
  await pasteCode(dialog, initCode);
  await expect(dialog.getByText(`A valid initialisation code of the PBX ${SERIAL}.`)).toBeVisible();
  const decoded = dialog.getByRole('definition');
  await expect(decoded.filter({ hasText: 'COMtrexx Business' })).toBeVisible();
  await expect(decoded.filter({ hasText: 'ec-p256 (256 bit)' })).toBeVisible();
  await expect(decoded.filter({ hasText: '8.4.1' })).toBeVisible();
  await continueButton(dialog).click();

  // Step 3: the answer of the licence server.
  const answer = await shownAnswer(dialog);
  expect(answer).toMatch(/^ANS1-/);
  expect(answer.split('\n').length).toBeGreaterThan(3); // grouped lines kept
  await screenshot(page, 'wizard-recreate-answer.png');

  await dialog.getByRole('button', { name: 'Copy answer' }).click();
  await expect(dialog.getByText('Copied to the clipboard.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(answer);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Save as file' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${SERIAL}-answer.txt`);
  expect(readFileSync((await download.path())!, 'utf8')).toBe(`${answer}\n`);

  const status = await pbx.install(answer);
  expect(status.state).toBe('licensed');
  expect(status.licences.map((l) => [l.number, l.quantity])).toEqual([
    [10, 1],
    [11, 8],
  ]);

  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
});

test('recreate with the keyboard only: Enter continues, Escape cancels', async ({ app }) => {
  await app.seed(async (a) => {
    await a.call('devices.add', { serial: SERIAL, model: 'comtrexx-vm' });
    await a.call('licences.grant', { serial: SERIAL, feature: 11, quantity: 2 });
  });
  const pbx = await app.pbx(SERIAL, 'comtrexx-vm');
  const initCode = await pbx.initCode();
  await ready(app);
  await setSettings(app, { theme: 'dark' }); // and the dark theme, for its screenshot
  const page = app.page;
  const dialog = await openWizard(page, SERIAL, 'Recreate certificate');
  await expect(dialog.getByRole('combobox', { name: 'Device' })).toBeFocused();
  await page.keyboard.press('Enter');
  const field = dialog.getByRole('textbox', { name: 'Initialisation code' });
  await expect(field).toBeFocused();
  await page.evaluate((text) => navigator.clipboard?.writeText(text).catch(() => undefined), initCode);
  await field.fill(initCode); // a paste, as far as the field is concerned
  await expect(dialog.getByText(`A valid initialisation code of the PBX ${SERIAL}.`)).toBeVisible();
  await page.keyboard.press('Enter');
  const answer = await shownAnswer(dialog);
  await screenshot(page, 'wizard-recreate-answer-dark.png');
  // Where the clipboard is refused, Copy answer selects the text and says to press Ctrl+C.
  await page.evaluate(() => Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true }));
  await dialog.getByRole('button', { name: 'Copy answer' }).click();
  await expect(dialog.getByText('The answer is selected: press Ctrl+C to copy it.')).toBeVisible();
  expect((await page.evaluate(() => window.getSelection()?.toString() ?? '')).trim()).toBe(answer);
  expect((await pbx.install(answer)).state).toBe('licensed');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test("recreate in German and Russian: the vendors' terms, the same answer accepted", async ({ app }) => {
  await app.seed(async (a) => {
    await a.call('devices.add', { serial: SERIAL, model: 'comtrexx-vm' });
    await a.call('licences.grant', { serial: SERIAL, feature: 11, quantity: 4 });
  });
  const pbx = await app.pbx(SERIAL, 'comtrexx-vm');
  await ready(app);
  await setLanguage(app, 'de');
  const page = app.page;
  await page.getByRole('navigation').getByRole('button', { name: 'Meine Geräte' }).click();
  await page.getByRole('button', { name: SERIAL, exact: true }).first().click();
  await page.getByRole('button', { name: 'Zertifikat neu erstellen', exact: true }).first().click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: 'Zertifikat neu erstellen', exact: true }).last()).toBeVisible();
  await expect(dialog.getByText('4 × Benutzerlizenz (Floating) (Feature 11), unbefristet')).toBeVisible();
  await dialog.getByRole('button', { name: 'Weiter' }).click();
  await dialog.getByRole('textbox', { name: 'Initialisierungscode' }).fill(await pbx.initCode());
  await expect(dialog.getByText(`Ein gültiger Initialisierungscode der TK-Anlage ${SERIAL}.`)).toBeVisible();
  await dialog.getByRole('button', { name: 'Weiter' }).click();
  await expect(dialog.getByText('Antwort des Lizenzservers', { exact: true })).toBeVisible();
  await expect(dialog.getByText('Gegen das Root-Zertifikat geprüft')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Antwort kopieren' })).toBeVisible();
  await screenshot(page, 'wizard-recreate-answer-de.png');
  const answer = (await dialog.getByLabel('Antwortcode').textContent()) ?? '';
  expect((await pbx.install(answer)).state).toBe('licensed');
  await page.keyboard.press('Escape');

  await setLanguage(app, 'ru');
  await page.getByRole('navigation').getByRole('button', { name: 'Мои устройства' }).click();
  await page.getByRole('button', { name: SERIAL, exact: true }).first().click();
  await page.getByRole('button', { name: 'Пересоздать сертификат', exact: true }).first().click();
  const ru = page.getByRole('dialog');
  await ru.getByRole('button', { name: 'Продолжить' }).click();
  await ru.getByRole('textbox', { name: 'Код инициализации' }).fill(answer);
  await expect(
    ru.getByText('Это ответ сервера лицензирования, а не код инициализации', { exact: false }),
  ).toBeVisible();
  await expect(ru.getByRole('button', { name: 'Продолжить' })).toBeDisabled();
  await screenshot(page, 'wizard-recreate-refusal-ru.png');
});

test("recreate refuses: a typo (its group marked), another device's code, an answer code", async ({ app }) => {
  const OTHER = 'CTX-100201';
  await app.seed(async (a) => {
    for (const serial of [SERIAL, OTHER]) {
      await a.call('devices.add', { serial, model: 'comtrexx-business' });
      await a.call('licences.grant', { serial, feature: 10 });
    }
  });
  const pbx = await app.pbx(SERIAL, 'comtrexx-business');
  const other = await app.pbx(OTHER, 'comtrexx-business');
  const initCode = await pbx.initCode();
  // An answer code for the other PBX, made directly by the authority from an earlier code; the
  // wizard then gets the PBX's newer code (an older generation is refused: REQUEST_STALE_GENERATION).
  const earlierCode = await other.initCode();
  const answerCode = (await app.seed((a) => a.call('certificates.recreate', { serial: OTHER, initCode: earlierCode })))
    .code;
  const otherCode = await other.initCode();
  const page = await ready(app);
  const dialog = await openWizard(page, SERIAL, 'Recreate certificate');
  await continueButton(dialog).click();

  // A typo in group 3: the message says so, and exactly that group is marked in the pasted text.
  const { text, typed } = typoInGroup(initCode, 3);
  await pasteCode(dialog, text);
  await expect(dialog.getByText('Group 3', { exact: false }).first()).toBeVisible();
  const marks = dialog.locator('mark');
  await expect(marks).toHaveCount(1);
  await expect(marks).toHaveText(typed);
  await expect(marks).toHaveAttribute('data-group', '3');
  await expect(dialog.getByLabel('The pasted code with the faulty group marked')).toContainText(text.split('\n')[1]!);
  await expect(continueButton(dialog)).toBeDisabled();
  await screenshot(page, 'wizard-recreate-typo.png');

  // Another device's initialisation code.
  await pasteCode(dialog, otherCode);
  await expect(dialog.getByText(`This initialisation code belongs to PBX ${OTHER}, not ${SERIAL}.`)).toBeVisible();
  await expect(continueButton(dialog)).toBeDisabled();
  await screenshot(page, 'wizard-recreate-other-device.png');

  // An answer code where the initialisation code belongs.
  await pasteCode(dialog, answerCode);
  await expect(dialog.getByText('This is an answer code', { exact: false })).toBeVisible();
  await expect(continueButton(dialog)).toBeDisabled();

  // A file that cannot be a code is refused before it is read.
  await dialog.getByLabel('Choose a file').setInputFiles({
    name: 'backup.tar',
    mimeType: 'application/octet-stream',
    buffer: Buffer.alloc(65 * 1024 + 1, 65),
  });
  await expect(
    dialog.getByText('The file backup.tar is larger than 64 KiB: it cannot be an initialisation code.'),
  ).toBeVisible();

  // Changing the device in step 1 makes the other code the right one.
  await dialog.getByRole('button', { name: 'Back' }).click();
  await dialog.getByRole('combobox', { name: 'Device' }).fill(OTHER);
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('combobox', { name: 'Device' })).toHaveValue(OTHER);
  await continueButton(dialog).click();
  // Its code as a file: chosen with the file input, or dropped on the field.
  await dialog
    .getByLabel('Choose a file')
    .setInputFiles({ name: `${OTHER}.req`, mimeType: 'text/plain', buffer: Buffer.from(otherCode) });
  await expect(dialog.getByRole('textbox', { name: 'Initialisation code' })).toHaveValue(otherCode);
  await dialog.getByRole('textbox', { name: 'Initialisation code' }).fill('');
  const drop = await page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'init.txt', { type: 'text/plain' }));
    return data;
  }, otherCode);
  await dialog.getByRole('textbox', { name: 'Initialisation code' }).dispatchEvent('drop', { dataTransfer: drop });
  await expect(dialog.getByRole('textbox', { name: 'Initialisation code' })).toHaveValue(otherCode);
  await expect(continueButton(dialog)).toBeEnabled();
  await continueButton(dialog).click();
  expect((await other.install(await shownAnswer(dialog))).state).toBe('licensed');
});
