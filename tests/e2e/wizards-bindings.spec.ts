// Reset binding and Move to another host, end to end with simulated Askozia hosts. The binding
// comes from a real trial activation; resetting asks for the feature number to be typed (34 for a
// 33 binding keeps Reset disabled). Moving resets the old host's binding and activates the same
// serial on a second host (another state folder with another host fingerprint), which accepts
// the answer the UI shows.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rootPem } from '../../src/authority/ca';
import { initPbx, installAnswer, pbxStatus } from '../../src/device/simulator';
import { expect, test, type AppHandle } from './fixtures';
import { continueButton, openDevice, openWizard, pasteCode, ready, screenshot, shownAnswer } from './wizards-helpers';

const SERIAL = 'ASK-033033';

/** Two hosts of one Askozia serial: the same PBX software moved to another PC. */
function hosts(app: AppHandle) {
  const dir = mkdtempSync(join(tmpdir(), 'ld-hosts-'));
  const host = (name: string, fingerprint: number) => {
    const state = join(dir, name);
    return {
      init: async () =>
        (
          await initPbx(state, {
            serial: SERIAL,
            model: 'askozia-pbx',
            hostName: name,
            hostFingerprint: new Uint8Array(16).fill(fingerprint),
            trustPem: rootPem(app.dataDir),
          })
        ).code,
      install: (answer: string) => installAnswer(state, answer),
      status: () => pbxStatus(state),
    };
  };
  return {
    old: host('old-pc', 0x11),
    next: host('new-pc', 0x22),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A registration, its EULA accepted, and the trial activated on `initCode`'s host: one binding. */
async function activate(app: AppHandle, initCode: string): Promise<string> {
  return app.seed(async (a) => {
    await a.call('devices.add', { serial: SERIAL, model: 'askozia-pbx', name: 'Reception PC' });
    const { number } = await a.call('registrations.create', { company: 'Beispiel AG', email: 'it@beispiel.example' });
    await a.call('eula.accept', { registration: number });
    return (await a.call('trials.start', { registration: number, serial: SERIAL, initCode })).answer.code;
  });
}

test('reset binding: feature number and product shown; 34 for a 33 binding keeps Reset disabled', async ({ app }) => {
  const h = hosts(app);
  try {
    const answer = await activate(app, await h.old.init());
    expect((await h.old.install(answer)).state).toBe('trial');
    const page = await ready(app);
    await openDevice(page, SERIAL);
    await page.getByRole('button', { name: 'Reset binding of feature 33 (Askozia PBX)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reset binding' });

    await expect(dialog.getByRole('definition').filter({ hasText: /^33$/ })).toBeVisible();
    await expect(dialog.getByRole('definition').filter({ hasText: 'Askozia PBX' })).toBeVisible();
    await expect(dialog.getByRole('definition').filter({ hasText: 'old-pc' })).toBeVisible();
    const typed = dialog.getByRole('textbox', { name: 'Type the feature number to confirm' });
    const reset = dialog.getByRole('button', { name: 'Reset binding' });
    await expect(typed).toBeFocused();
    await expect(reset).toBeDisabled();
    await typed.fill('34');
    await expect(reset).toBeDisabled();
    await expect(dialog.getByText("34 is not this binding's feature number (33).")).toBeVisible();
    await page.keyboard.press('Enter'); // Enter does not get past a disabled Reset
    await expect(typed).toBeVisible();
    await typed.fill('3');
    await expect(reset).toBeDisabled();
    await screenshot(page, 'wizard-reset-binding.png');
    await typed.fill('33');
    await expect(reset).toBeEnabled();
    await reset.click();
    await expect(
      dialog.getByText('Binding reset: feature 33 (Askozia PBX) is no longer bound to old-pc.'),
    ).toBeVisible();
    await expect(dialog.getByRole('list', { name: 'Revoked certificates' }).getByRole('listitem')).not.toHaveCount(0);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByRole('button', { name: 'Reset binding of feature 33 (Askozia PBX)' })).toHaveCount(0);
  } finally {
    h.cleanup();
  }
});

test('move to another host: reset the old binding, activate on the new host, the new host accepts', async ({ app }) => {
  const h = hosts(app);
  try {
    const answer = await activate(app, await h.old.init());
    await h.old.install(answer);
    const page = await ready(app);
    const dialog = await openWizard(page, SERIAL, 'Move to another host');
    await expect(dialog.getByText('The licence is bound now to:')).toBeVisible();
    await expect(dialog.getByRole('definition').filter({ hasText: 'old-pc' })).toBeVisible();
    await continueButton(dialog).click();

    // Step 2: the same confirm-by-typing as Reset binding.
    const reset = dialog.getByRole('button', { name: 'Reset binding' });
    await dialog.getByRole('textbox', { name: 'Type the feature number to confirm' }).fill('34');
    await expect(reset).toBeDisabled();
    await dialog.getByRole('textbox', { name: 'Type the feature number to confirm' }).fill('33');
    await reset.click();

    // Step 3: a code from the old host is refused; the new host's is answered.
    await expect(dialog.getByText('Binding reset: feature 33', { exact: false })).toBeVisible();
    await expect(dialog.getByRole('textbox', { name: 'Initialisation code of the new host' })).toBeFocused();
    await pasteCode(dialog, await h.old.init(), 'Initialisation code of the new host');
    await expect(dialog.getByText('This code comes from the old host', { exact: false })).toBeVisible();
    await expect(continueButton(dialog)).toBeDisabled();
    await pasteCode(dialog, await h.next.init(), 'Initialisation code of the new host');
    await expect(dialog.getByRole('definition').filter({ hasText: 'new-pc' })).toBeVisible();
    await screenshot(page, 'wizard-move-host.png');
    await continueButton(dialog).click();

    const status = await h.next.install(await shownAnswer(dialog));
    expect(status.state).toBe('trial');
    expect(status.hostFingerprint).toBe('22'.repeat(16));
    expect(status.licences.map((l) => l.number)).toEqual([33]);
  } finally {
    h.cleanup();
  }
});
