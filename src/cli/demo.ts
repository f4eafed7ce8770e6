// `licence-desk demo` (and `npm start`, until the desktop app exists): the whole licensing loop,
// walked in a temporary folder with the same functions the commands call, printing each step
// the way the command would. Nothing is faked: the answer is checked by the PBX simulator's own
// installAnswer(), and "Done" is printed only when the PBX reports itself licensed.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { installAnswer, initPbx, pbxStatus, type PbxStatus } from '../device/simulator';
import { formatStatus } from './pbx-format';
import { verifyAnswerChain } from '../licensing/chain';
import { err } from '../shared/errors';
import { formatGrant } from './format';
import { print, readInput } from './io';

export const DEMO_SERIAL = 'DEMO-0001';
const MODEL = 'comtrexx-vm';

export function demoCommand(program: Command): void {
  program
    .command('demo')
    .description('walk the whole licensing loop in a temporary folder (never touches --data) and remove it afterwards')
    .option('--keep', 'keep the temporary folder and say where it is')
    .action(async (o: { keep?: boolean }) => {
      const dir = mkdtempSync(join(tmpdir(), 'licence-desk-demo-'));
      try {
        await walk(dir);
      } finally {
        if (o.keep)
          print(
            `# Kept ${dir}; look around with: licence-desk --data ${join(dir, 'authority')} device show ${DEMO_SERIAL}`,
          );
        else rmSync(dir, { recursive: true, force: true });
      }
    });
}

async function walk(dir: string): Promise<void> {
  const data = join(dir, 'authority');
  const state = join(dir, 'pbx');
  const file = (name: string) => join(dir, name);
  const step = (command: string) => print(`\n$ licence-desk ${command}`);

  print(`Licence Desk demo: the whole licensing loop in a temporary folder (removed at the end):\n  ${dir}`);
  print('Each step shows the command that does the same, run in that folder, and what it prints.');
  const started = performance.now();

  // The authority is loaded here, not at the CLI's start: only commands that use it pay for it.
  const { Authority } = await import('../authority/authority');
  const { rootPem } = await import('../authority/ca');
  const { makeSealer } = await import('../authority/keys/sealer');
  // A throwaway authority, deleted at the end: its keys are sealed under a one-time passphrase kept in memory.
  const sealer = makeSealer({ passphrase: randomBytes(24).toString('base64') });
  step('--data authority init');
  print(
    (await Authority.init(data, undefined, { sealer }))
      ? `Created a licence authority in ${data}`
      : `The licence authority in ${data} already exists; nothing changed`,
  );

  const authority = await Authority.open({ dataDir: data, sealer });
  let status: PbxStatus;
  try {
    step('--data authority ca export > root.pem');
    writeFileSync(file('root.pem'), rootPem(data));
    print('# root.pem now holds the root certificate (PEM): the trust anchor the PBX is given.');

    step(`--data authority device add --serial ${DEMO_SERIAL} --model ${MODEL} --name "Demo office"`);
    const device = await authority.call('devices.add', { serial: DEMO_SERIAL, model: MODEL, name: 'Demo office' });
    print(`Added ${device.serial} (${device.model}) "${device.name}"`);

    for (const [args, grant] of [
      ['--feature user-licence --quantity 5', { feature: 'user-licence', quantity: 5 }],
      ['--feature call-assist-v1 --days 365', { feature: 'call-assist-v1', days: 365 }],
    ] as const) {
      step(`--data authority licence grant --serial ${DEMO_SERIAL} ${args}`);
      print(formatGrant(DEMO_SERIAL, await authority.call('licences.grant', { serial: DEMO_SERIAL, ...grant })));
    }

    step(`pbx init --state pbx --serial ${DEMO_SERIAL} --model ${MODEL} --trust root.pem > init.txt`);
    const trustPem = readInput(file('root.pem'), 'a root certificate (PEM)');
    const { code: initCode } = await initPbx(state, { serial: DEMO_SERIAL, model: MODEL, trustPem });
    writeFileSync(file('init.txt'), `${initCode}\n`);
    print('# The PBX shows its initialisation code (saved in init.txt):');
    print(initCode);

    step(`--data authority certificate recreate --serial ${DEMO_SERIAL} --init-code init.txt > answer.txt`);
    const answer = await authority.call('certificates.recreate', {
      serial: DEMO_SERIAL,
      initCode: readInput(file('init.txt'), 'an initialisation code'),
    });
    // As `certificate recreate` does: never hand out an answer the PBX's chain check would refuse.
    verifyAnswerChain(answer.code, authority.ctx.ca.rootDer);
    writeFileSync(file('answer.txt'), `${answer.code}\n`);
    print('# The licence authority answers (saved in answer.txt):');
    print(answer.code);

    step('pbx install --state pbx answer.txt');
    const installed = await installAnswer(state, readInput(file('answer.txt'), 'an answer code'));
    print(`Installed: ${installed.serial} is ${installed.state} until ${installed.certificate?.notAfter ?? '?'}`);

    step('pbx status --state pbx');
    status = await pbxStatus(state);
    for (const line of formatStatus(status)) print(line); // exactly what `pbx status` prints
  } finally {
    await authority.close();
  }

  const took = Math.round(performance.now() - started);
  if (status.state !== 'licensed' || status.licences.length === 0) {
    throw err.DEMO_FAILED({ state: status.state });
  }
  const features = status.licences.map((l) => `feature ${l.number} × ${l.quantity}`).join(', ');
  print(`\nDone: PBX ${status.serial} is licensed (${features}). The loop took ${took} ms.`);
}
