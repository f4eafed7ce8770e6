// Accessibility as a test: axe-core on every screen, dialog and wizard step, in the light and the
// dark theme. The first-start gates are walked on a fresh data folder.
import { expect, test } from './fixtures';
import { expectAccessible } from './axe';
import { seedFleet, seedTryoutAndTrial } from './support';
import { continueButton, openDevice, openWizard, pasteCode, setSettings, shownAnswer } from './wizards-helpers';

const THEMES = ['light', 'dark'] as const;

test.describe('first start', () => {
  for (const theme of THEMES)
    test(`licence agreement and mode choice (${theme})`, async ({ app }) => {
      const { page } = app;
      await page.emulateMedia({ colorScheme: theme });
      await expect(page.getByRole('button', { name: 'Accept' })).toBeVisible();
      await expectAccessible(page, `${theme} · licence agreement`);
      await page.getByRole('button', { name: 'Accept' }).click();
      await expect(page.getByRole('button', { name: 'Continue' })).toBeVisible();
      await expectAccessible(page, `${theme} · mode choice`);
    });
});

test.describe('the desk', () => {
  test.use({ acceptedEula: true });

  for (const theme of THEMES)
    test(`every screen and dialog (${theme})`, async ({ app }) => {
      test.setTimeout(120_000);
      const { page } = app;
      await setSettings(app, { theme });
      await expect(page.getByRole('heading', { name: 'No devices yet' })).toBeVisible();
      await expectAccessible(page, `${theme} · My devices (empty)`);
      await seedFleet(app);
      await page.reload();
      await expect(page.getByRole('row', { name: /CTX-1001/ })).toBeVisible();
      await expectAccessible(page, `${theme} · My devices`);
      await page.getByRole('button', { name: 'Add device' }).click();
      await expectAccessible(page, `${theme} · Add device`);
      // A refusal with its error code chip.
      await page.getByRole('dialog').getByLabel('Serial number').fill('CTX-1001');
      await page.getByRole('dialog').getByRole('button', { name: 'Add', exact: true }).click();
      await expect(page.getByRole('dialog').getByRole('alert')).toContainText('already registered');
      await expectAccessible(page, `${theme} · Add device refused`);
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Import CSV' }).click();
      await expectAccessible(page, `${theme} · Import CSV`);
      await page.keyboard.press('Escape');

      await openDevice(page, 'CTX-1002');
      await expectAccessible(page, `${theme} · device page`);
      await openDevice(page, 'CTX-1004');
      await expect(page.getByRole('note')).toContainText('Needs licences');
      await expectAccessible(page, `${theme} · device page, needs licences`);
      await openDevice(page, 'CTX-1002');
      await page.getByRole('button', { name: 'Rename…' }).click();
      await expectAccessible(page, `${theme} · rename dialog`);
      await page.keyboard.press('Escape');

      for (const [name, heading] of [
        ['Fleet health', 'Fleet health'],
        ['Code inspector', 'Code inspector'],
        ['Audit log', 'Audit log'],
        ['Settings', 'Settings'],
      ] as const) {
        await app.openScreen(name);
        await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
        await expectAccessible(page, `${theme} · ${name}`);
      }
    });

  for (const theme of THEMES)
    test(`every wizard step (${theme})`, async ({ app }) => {
      test.setTimeout(150_000);
      const { page } = app;
      await seedFleet(app);
      await seedTryoutAndTrial(app);
      const serial = 'CTX-100200';
      await app.seed(async (a) => {
        await a.call('devices.add', { serial, model: 'comtrexx-business', name: 'Reception' });
        await a.call('licences.grant', { serial, feature: 10 });
        await a.call('licences.grant', { serial, feature: 11, quantity: 8 });
        // Register product is offered only to a host not yet linked to a registration.
        await a.call('devices.add', { serial: 'AKZ-4001', model: 'askozia-pbx', name: 'New host' });
      });
      const initCode = await (await app.pbx(serial, 'comtrexx-business')).initCode();
      await setSettings(app, { theme });

      const recreate = await openWizard(page, serial, 'Recreate certificate');
      await expectAccessible(page, `${theme} · recreate: device`);
      await continueButton(recreate).click();
      await expectAccessible(page, `${theme} · recreate: code (empty)`);
      await pasteCode(recreate, `${initCode.slice(0, 12)}Q${initCode.slice(13)}`);
      await expectAccessible(page, `${theme} · recreate: code with a typo`);
      await pasteCode(recreate, initCode);
      await expectAccessible(page, `${theme} · recreate: code checked`);
      await continueButton(recreate).click();
      await shownAnswer(recreate);
      await expectAccessible(page, `${theme} · recreate: answer`);
      await page.keyboard.press('Escape');
      await expect(recreate).toHaveCount(0);

      for (const [device, wizard] of [
        ['VM-5001', 'Start tryout'],
        ['CTX-1001', 'Redeem coupon'],
        ['AKZ-4001', 'Register product'],
        ['AKZ-3001', 'Activate trial'],
        ['AKZ-3001', 'Move to another host'],
      ] as const) {
        const dialog = await openWizard(page, device, wizard);
        await expectAccessible(page, `${theme} · ${wizard}: first step`);
        await page.keyboard.press('Escape');
        await expect(dialog).toHaveCount(0);
      }
    });
});
