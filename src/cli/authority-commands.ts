// Commands on the authority's devices, licences and certificates; embedded or --server alike.
import type { Command } from 'commander';
import { verifyAnswerChain } from '../licensing/chain';
import { fromPem } from '../licensing/pem';
import { withClient } from './context';
import { formatDevice, formatDeviceList, formatGrant } from './format';
import { initCommand, rotateCommand } from './ca-commands';
import { hsmCommands } from './hsm-commands';
import { intOption, print, printJson, readInput } from './io';
import { transferCommands } from './transfer-commands';

export function authorityCommands(program: Command): void {
  initCommand(program);

  const ca = program.command('ca').description("the authority's certificates");
  ca.command('export')
    .description('print the root certificate (PEM): the trust anchor PBXs are given')
    .action((_o, cmd: Command) => withClient(cmd, async (c) => print((await c.call('ca.root', {})).pem)));
  hsmCommands(ca);
  rotateCommand(ca);

  deviceCommands(program);

  program
    .command('licence')
    .description('licences of a PBX')
    .command('grant')
    .description('grant a licence to a PBX')
    .requiredOption('--serial <serial>')
    .requiredOption('--feature <feature>', 'feature number or id')
    .option('--quantity <n>', 'how many (user licences)')
    .option('--days <n>', 'valid for N days (default: perpetual)')
    .option('--json', 'print JSON')
    .action((o: { serial: string; feature: string; quantity?: string; days?: string; json?: boolean }, cmd: Command) =>
      withClient(cmd, async (c) => {
        const feature = /^\d+$/.test(o.feature) ? Number(o.feature) : o.feature;
        const l = await c.call('licences.grant', {
          serial: o.serial,
          feature,
          quantity: intOption(o.quantity, '--quantity'),
          days: intOption(o.days, '--days'),
        });
        if (o.json) printJson(l);
        else print(formatGrant(o.serial, l));
      }),
    );

  program
    .command('certificate')
    .description('certificates of a PBX')
    .command('recreate')
    .description("turn a PBX's initialisation code into its answer code")
    .requiredOption('--serial <serial>')
    .option('--init-code <file>', 'file with the initialisation code, or - for standard input', '-')
    .option('--json', 'print JSON')
    .action((o: { serial: string; initCode: string; json?: boolean }, cmd: Command) =>
      withClient(cmd, async (c) => {
        const initCode = readInput(o.initCode, 'an initialisation code');
        const [answer, root] = [
          await c.call('certificates.recreate', { serial: o.serial, initCode }),
          await c.call('ca.root', {}),
        ];
        // Never print an answer the PBX would refuse: run the PBX's own chain check first.
        verifyAnswerChain(answer.code, fromPem(root.pem)[0]!.der);
        if (o.json) printJson(answer);
        else print(answer.code);
      }),
    );
}

function deviceCommands(program: Command): void {
  const device = program.command('device').description('PBXs by serial number');
  transferCommands(device);
  device
    .command('add')
    .description('register a PBX')
    .requiredOption('--serial <serial>')
    .requiredOption('--model <model>')
    .option('--name <name>')
    .option('--customer <name>')
    .option('--json', 'print JSON')
    .action((o: { serial: string; model: string; name?: string; customer?: string; json?: boolean }, cmd: Command) =>
      withClient(cmd, async (c) => {
        const d = await c.call('devices.add', { serial: o.serial, model: o.model, name: o.name, customer: o.customer });
        if (o.json) printJson(d);
        else print(`Added ${d.serial} (${d.model})${d.name ? ` "${d.name}"` : ''}`);
      }),
    );
  device
    .command('list')
    .description('list registered PBXs')
    .option('--all', 'include retired PBXs')
    .option('--json', 'print JSON')
    .action((o: { all?: boolean; json?: boolean }, cmd: Command) =>
      withClient(cmd, async (c) => {
        const list = await c.call('devices.list', { includeRetired: !!o.all });
        if (o.json) printJson(list);
        else print(formatDeviceList(list));
      }),
    );
  device
    .command('show')
    .argument('<serial>')
    .description('one PBX with its licences and certificates')
    .option('--json', 'print JSON')
    .action((serial: string, o: { json?: boolean }, cmd: Command) =>
      withClient(cmd, async (c) => {
        const detail = await c.call('devices.get', { serial });
        if (o.json) printJson(detail);
        else print(formatDevice(detail));
      }),
    );
  device
    .command('rename')
    .argument('<serial>')
    .requiredOption('--name <name>')
    .description('give a PBX another name')
    .action((serial: string, o: { name: string }, cmd: Command) =>
      withClient(cmd, async (c) => {
        const d = await c.call('devices.rename', { serial, name: o.name });
        print(`Renamed ${d.serial} to "${d.name}"`);
      }),
    );
  device
    .command('move')
    .argument('<serial>')
    .requiredOption('--customer <name>')
    .description('move a PBX to another customer')
    .action((serial: string, o: { customer: string }, cmd: Command) =>
      withClient(cmd, async (c) => {
        const d = await c.call('devices.move', { serial, customer: o.customer });
        print(`Moved ${d.serial} to customer "${d.customer}"`);
      }),
    );
  device
    .command('retire')
    .argument('<serial>')
    .description('retire a PBX (kept for history; no new certificates)')
    .action((serial: string, _o, cmd: Command) =>
      withClient(cmd, async (c) => {
        const d = await c.call('devices.retire', { serial });
        print(`Retired ${d.serial} on ${d.retiredAt?.slice(0, 10)}`);
      }),
    );
}
