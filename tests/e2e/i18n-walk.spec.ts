// Every screen, dialog and wizard step in German and in Russian, with a code typo, a coupon typo
// and a refused CSV row provoked on the way, and the vendor's English-only EULA saying so: no English sentence may be left (english-left.ts
// says how it is found). Buttons are found by their German/Russian names from the catalogues.
import { expect, test } from './fixtures';
import { seedFleet, seedTryoutAndTrial } from './support';
import { setSettings } from './wizards-helpers';
import { englishOnPage, say, type Found, type Language } from './english-left';

test.use({ acceptedEula: true });

for (const language of ['de', 'ru'] as const satisfies readonly Exclude<Language, 'en'>[])
  test(`no English left on any screen or wizard step in ${language}`, async ({ app }) => {
    test.setTimeout(180_000);
    const { page } = app;
    const s = (key: string) => say(language, key);
    await seedFleet(app);
    await seedTryoutAndTrial(app);
    const { codes, number } = await app.seed(async (a) => {
      await a.call('devices.add', { serial: 'AKZ-4001', model: 'askozia-pbx', name: 'New host' });
      const reg = await a.call('registrations.create', { company: 'Neu GmbH', email: 'it@neu.example' });
      return { ...(await a.call('coupons.mint', { feature: 11, quantity: 5 })), number: reg.number };
    });
    const initCode = await (await app.pbx('CTX-1001', 'comtrexx-business')).initCode();
    // One character of group 1 changed (to one it is not): a typo its check character catches.
    const typo = `${initCode.slice(0, 12)}${initCode[12] === 'Q' ? 'R' : 'Q'}${initCode.slice(13)}`;
    await setSettings(app, { language });
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    const found: Found[] = [];
    const check = async (where: string) => found.push(...(await englishOnPage(page, language, where)));
    const nav = (key: string) =>
      page
        .getByRole('navigation')
        .getByRole('button', { name: s(key) })
        .click();
    const dialog = page.getByRole('dialog');

    await expect(page.getByRole('row', { name: /CTX-1001/ })).toBeVisible();
    await check('My devices');
    await page.getByRole('button', { name: s('devices.add') }).click();
    await check('Add device');
    await dialog.getByLabel(s('columns.serial')).fill('CTX-1001');
    await dialog.getByRole('button', { name: s('devices.addSubmit'), exact: true }).click();
    await expect(dialog.getByRole('alert')).toBeVisible();
    await check('Add device refused');
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await page
      .getByRole('button', { name: s('devices.import') })
      .first()
      .click();
    await check('Import CSV');
    await dialog.getByLabel(s('import.file')).setInputFiles({
      name: 'devices.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Serial,Model\nIMP-1,comtrexx-vm\nBAD SERIAL,comtrexx-vm\n'),
    });
    await expect(dialog.locator('.import-errors')).toBeVisible();
    // The import is done (a running import keeps its dialog open).
    await expect(dialog.getByText(s('import.done').split('{{')[0]!.trim())).toBeVisible();
    await check('Import CSV with a refused row');
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);

    const openDevice = async (serial: string) => {
      await nav('nav.devices');
      await page.getByRole('button', { name: serial, exact: true }).first().click();
      await expect(page.getByRole('group', { name: s('detail.licensing') })).toBeVisible();
      await check(`device page ${serial}`);
    };
    const openWizard = async (serial: string, kind: string) => {
      await openDevice(serial);
      await page
        .getByRole('group', { name: s('detail.licensing') })
        .getByRole('button', { name: s(`wizards.${kind}`), exact: true })
        .click();
      await expect(dialog).toBeVisible();
      await check(`${kind}: first step`);
    };
    await openDevice('CTX-1004');
    await openDevice('AKZ-2001');

    // Recreate: every step, with a code typo on the way.
    await openWizard('CTX-1001', 'recreate');
    await dialog.getByRole('button', { name: s('wizard.common.continue'), exact: true }).click();
    const field = dialog.getByRole('textbox', { name: s('wizard.code.label') });
    await check('recreate: code (empty)');
    await field.fill(typo);
    await expect(dialog.locator('.wizard-error').first()).toBeVisible();
    await check('recreate: code with a typo');
    await field.fill(initCode);
    await expect(dialog.locator('.wizard-ok').first()).toBeVisible();
    await check('recreate: code checked');
    await dialog.getByRole('button', { name: s('wizard.common.continue'), exact: true }).click();
    await expect(dialog.locator('.answer-code, [aria-label]').first()).toBeVisible();
    await check('recreate: answer');
    await page.keyboard.press('Escape');

    // Coupon, with a typo; then the other wizards' first steps, and the picker's list.
    await openWizard('CTX-1001', 'coupon');
    const coupon = codes[0]!;
    await dialog
      .locator('input')
      .first()
      .fill(`${coupon.slice(0, 10)}${coupon[10] === '7' ? '8' : '7'}${coupon.slice(11)}`);
    await expect(dialog.locator('.wizard-error')).toBeVisible();
    await check('coupon: typo');
    await dialog.getByRole('combobox').press('ArrowDown');
    await check('coupon: device list open');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    for (const [serial, kind] of [
      ['VM-5001', 'tryout'],
      ['AKZ-4001', 'register'],
      ['AKZ-3001', 'trial'],
      ['AKZ-3001', 'moveHost'],
    ] as const) {
      await openWizard(serial, kind);
      await page.keyboard.press('Escape');
      await expect(dialog).toHaveCount(0);
    }

    // The vendor's licence agreement (trial, step 2): English only, and the step says so.
    await openWizard('AKZ-4001', 'trial');
    await dialog.getByRole('textbox', { name: s('wizard.registration.label') }).fill(number);
    await dialog.getByRole('button', { name: s('wizard.common.continue'), exact: true }).click();
    await expect(dialog.getByText(s('wizard.eula.englishOnly'))).toBeVisible();
    await expect(dialog.getByRole('document', { name: s('wizard.eula.textLabel') })).toHaveAttribute('lang', 'en');
    await check('trial: licence agreement');
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);

    for (const screen of ['nav.fleet', 'nav.inspector', 'nav.audit', 'nav.settings']) {
      await nav(screen);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await check(screen);
    }
    // The code inspector's notes on a code with a typo.
    await nav('nav.inspector');
    await page
      .locator('textarea')
      .first()
      .fill(`${initCode.slice(0, 12)}Q${initCode.slice(13)}`);
    await expect(page.locator('.screen-inspector, main').getByText(/Q/).first()).toBeVisible();
    await page.waitForTimeout(500);
    await check('code inspector: typo');

    const list = (f: Found[]) => f.map((x) => `${x.where}: ${x.text}  ← ${x.why}`).join('\n');
    const errors = found.filter((f) => f.error);
    if (errors.length) console.log(`${language}: English in error texts (${errors.length}):\n${list(errors)}`);
    expect(found.filter((f) => !f.error).map((f) => `${f.where}: ${f.text}  ← ${f.why}`)).toEqual([]);
    // Errors are rendered from code + params in the page's language (the registry's catalogues).
    expect(list(errors)).toBe('');
  });
