// The wizards' device picker on a fleet of 2,000 (more than the 200 options the old select held):
// only devices the wizard can serve (the device page's own rules), found by typing, every match
// reachable, all of it by keyboard with the combobox's ARIA states kept true.
import { expect, test } from './fixtures';
import { bulkSerial, insertDevices } from './bulk';
import { openWizard, ready } from './wizards-helpers';

test.use({ acceptedEula: true });

const COUNT = 2000;
// bulk.ts: models cycle business, advanced, vm, askozia (i % 4); every third device (i % 3 === 0)
// holds a bought user licence. A tryout serves the VMs without licences.
const tryoutFits = (i: number) => i % 4 === 2 && i % 3 !== 0;
const fitting = Array.from({ length: COUNT }, (_, i) => i).filter(tryoutFits);

test('the tryout picker offers only unlicensed VMs, searchable, all of them, by keyboard', async ({ app }) => {
  test.setTimeout(90_000);
  await app.seed((a) => insertDevices(a, COUNT));
  const page = await ready(app);
  const first = bulkSerial(fitting[0]!);
  const dialog = await openWizard(page, first, 'Start tryout');
  const box = dialog.getByRole('combobox', { name: 'Device' });
  const list = dialog.getByRole('listbox', { name: 'Device' });
  await expect(box).toHaveValue(first);
  await expect(box).toBeFocused();
  await expect(box).toHaveAttribute('aria-expanded', 'false');

  // Everything that fits, more than 200, counted in the list's words.
  await box.fill('PBX-');
  expect(fitting.length).toBeGreaterThan(200);
  await expect(dialog.getByText(`${fitting.length} devices match`)).toBeVisible();
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  // The very last one is in the list: scroll the (virtual) list to its end.
  await list.evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
  const last = bulkSerial(fitting.at(-1)!);
  await expect(list.getByRole('option', { name: new RegExp(`^${last}`) })).toBeVisible();
  await expect(list.getByRole('option', { name: new RegExp(`^${last}`) })).toHaveAttribute(
    'aria-posinset',
    String(fitting.length),
  );

  // A Business PBX, and a VM that already has bought licences: not offered.
  await box.fill(bulkSerial(996));
  await expect(dialog.getByText('No device matches.')).toBeVisible();
  await expect(list.getByRole('option')).toHaveCount(0);
  await box.fill(bulkSerial(990));
  await expect(dialog.getByText('No device matches.')).toBeVisible();

  // Part of a name (bulk devices are "Site <i>"): the arrows move, Enter takes, Enter continues.
  await box.fill('site 99');
  const hits = fitting.filter((i) => String(i).startsWith('99'));
  await expect(dialog.getByText(`${hits.length} devices match`)).toBeVisible();
  await expect(list.getByRole('option')).toHaveCount(hits.length);
  await page.keyboard.press('ArrowDown');
  const active = await box.getAttribute('aria-activedescendant');
  expect(active).toBeTruthy();
  await expect(dialog.locator(`[id="${active}"]`)).toHaveText(new RegExp(`^${bulkSerial(hits[1]!)}`));
  // Escape closes the list only, the wizard stays.
  await page.keyboard.press('Escape');
  await expect(box).toHaveAttribute('aria-expanded', 'false');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  await box.fill(bulkSerial(hits[1]!));
  await page.keyboard.press('Enter');
  await expect(box).toHaveValue(bulkSerial(hits[1]!));
  await expect(box).toHaveAttribute('aria-expanded', 'false');
  await expect(dialog.getByText(`Site ${hits[1]} · COMtrexx VM`)).toBeVisible();
  await expect(dialog.getByText('Tryout mode runs the PBX for 14 days with 3 test user licences')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(dialog.locator('.device-line')).toContainText(bulkSerial(hits[1]!));
  await expect(dialog.getByRole('button', { name: 'Start tryout' })).toBeEnabled();
});

test('the coupon picker offers every device in use, the trial picker only Askozia', async ({ app }) => {
  test.setTimeout(90_000);
  await app.seed((a) => insertDevices(a, COUNT));
  const page = await ready(app);
  const dialog = await openWizard(page, bulkSerial(0), 'Redeem coupon');
  const box = dialog.getByRole('combobox', { name: 'Device' });
  await box.fill('pbx-');
  await expect(dialog.getByText('2,000 devices match')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // bulk device 7 is an Askozia PBX without licences: its trial picker holds every one like it.
  const trial = await openWizard(page, bulkSerial(7), 'Activate trial');
  const askozia = Array.from({ length: COUNT }, (_, i) => i).filter((i) => i % 4 === 3 && i % 3 !== 0);
  await trial.getByRole('combobox', { name: 'Device' }).fill('PBX');
  await expect(trial.getByText(`${askozia.length} devices match`)).toBeVisible();
});
