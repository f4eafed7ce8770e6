// My devices fits its window: at 1024×640 and 1280×800, in en, de and ru, no text overflows its box
// (scrollWidth vs clientWidth of every cell, badge, header and button), the row action stays on
// screen, and the header scrolls with the rows. Each case retakes its screenshots for docs/ (My devices, the
// device page, a wizard step, Settings).
import { expect, test } from './fixtures';
import { seedFleet } from './support';
import { setSettings } from './wizards-helpers';
import { overflowing } from './layout-helpers';
import { say } from './english-left';

test.use({ acceptedEula: true });

const SIZES = [
  { width: 1024, height: 640 },
  { width: 1280, height: 800 },
] as const;
const LANGUAGES = ['en', 'de', 'ru'] as const;

for (const size of SIZES)
  test(`My devices fits ${size.width}×${size.height} in en, de and ru`, async ({ app }) => {
    const { page } = app;
    await seedFleet(app);
    await page.setViewportSize(size);
    for (const language of LANGUAGES) {
      await setSettings(app, { language });
      await page.reload();
      await expect(page.getByRole('row', { name: /CTX-1001/ })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await page.screenshot({ path: `docs/screenshots/my-devices-${language}-${size.width}x${size.height}.png` });
      expect
        .soft(await overflowing(page, '.screen-devices'), `${language} at ${size.width}×${size.height}`)
        .toEqual([]);
      // Every row's action is on screen, not behind a sideways scroll.
      for (const action of await page.locator('.body-row .actions-cell button').all()) {
        const box = (await action.boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(size.width);
      }
      // The device page: badges, facts and the action buttons fit as well.
      await page.getByRole('button', { name: 'CTX-1002', exact: true }).click();
      await expect(page.locator('.screen-detail table').first()).toBeVisible();
      await page.screenshot({ path: `docs/screenshots/device-detail-${language}-${size.width}x${size.height}.png` });
      expect
        .soft(await overflowing(page, '.screen-detail'), `detail ${language} ${size.width}×${size.height}`)
        .toEqual([]);
      // For docs/: a wizard step (the device picker of Recreate certificate) and Settings.
      await page.locator('.detail-actions button.primary').click();
      await expect(page.getByRole('dialog').getByRole('combobox')).toHaveValue('CTX-1002');
      await page.screenshot({ path: `docs/screenshots/wizard-recreate-${language}-${size.width}x${size.height}.png` });
      await page.keyboard.press('Escape');
      await page
        .getByRole('navigation')
        .getByRole('button', { name: say(language, 'nav.settings') })
        .click();
      await expect(page.getByRole('heading', { level: 1, name: say(language, 'nav.settings') })).toBeVisible();
      await page.screenshot({ path: `docs/screenshots/settings-${language}-${size.width}x${size.height}.png` });
      await page.getByRole('navigation').getByRole('button').first().click();
    }
  });
