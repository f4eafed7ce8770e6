// `pbx …`: the PBX simulator, so the whole loop can be walked (and tested) from a terminal.
import type { Command } from 'commander';
import { installAnswer, initPbx, pbxStatus } from '../device/simulator';
import { err } from '../shared/errors';
import { print, printJson, readInput } from './io';
import { CLOCK_HELP, formatStatus, parseClock } from './pbx-format';
import { verifyCommands } from './verify-commands';

const KEY_TYPES = ['ec-p256', 'ed25519', 'rsa'] as const;

export function pbxCommands(program: Command): void {
  const pbx = program.command('pbx').description('the PBX simulator (the device side)');
  pbx
    .command('init')
    .description("make a fresh key and print the PBX's initialisation code")
    .requiredOption('--state <dir>', "the simulated PBX's folder")
    .requiredOption('--serial <serial>')
    .requiredOption('--model <model>')
    .option('--trust <root.pem>', 'the root certificate this PBX trusts (needed the first time)')
    .option('--key-type <type>', `device key: ${KEY_TYPES.join(', ')}`, 'ec-p256')
    .option('--clock <time>', CLOCK_HELP)
    .action(
      async (o: { state: string; serial: string; model: string; trust?: string; keyType: string; clock?: string }) => {
        const keyType = KEY_TYPES.find((k) => k === o.keyType);
        if (!keyType) throw err.OPTION_INVALID({ variant: 'keyType', keyTypes: KEY_TYPES.join(', ') });
        const trustPem = o.trust ? readInput(o.trust, 'a root certificate (PEM)') : undefined;
        const { code } = await initPbx(o.state, {
          serial: o.serial,
          model: o.model,
          keyType,
          now: parseClock(o.clock),
          ...(trustPem ? { trustPem } : {}),
        });
        print(code);
      },
    );
  pbx
    .command('install')
    .argument('[file]', 'file with the answer code, or - for standard input', '-')
    .description('check the answer against the trusted root and install it')
    .requiredOption('--state <dir>')
    .option('--clock <time>', CLOCK_HELP)
    .action(async (file: string, o: { state: string; clock?: string }) => {
      const now = parseClock(o.clock);
      const status = await installAnswer(o.state, readInput(file, 'an answer code'), now);
      print(`Installed: ${status.serial} is ${status.state} until ${status.certificate?.notAfter ?? '?'}`);
    });
  pbx
    .command('status')
    .description("the simulated PBX's licence state")
    .requiredOption('--state <dir>')
    .option('--json', 'print JSON')
    .option('--clock <time>', CLOCK_HELP)
    .action(async (o: { state: string; json?: boolean; clock?: string }) => {
      const s = await pbxStatus(o.state, parseClock(o.clock));
      if (o.json) return printJson(s);
      for (const line of formatStatus(s)) print(line);
    });
  verifyCommands(pbx);
}
