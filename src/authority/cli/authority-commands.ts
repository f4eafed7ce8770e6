// Commands that act on the embedded authority: init, ca, device, licence, certificate.
import type { Command } from 'commander';
import { parseCertificate } from '../../licensing/certificate';
import { verifyChain } from '../../licensing/chain';
import { Authority } from '../authority';
import { rootPem } from '../ca';
import { defaultDataDir } from '../data-dir';
import { intOption, print, printJson, readInput } from './io';
import { formatDevice, formatDeviceList } from './format';

const dataDir = (cmd: Command): string => (cmd.optsWithGlobals().data as string | undefined) ?? defaultDataDir();

/** Opens the authority for one command and always closes it (pending writes are drained). */
async function withAuthority<T>(cmd: Command, fn: (a: Authority) => Promise<T>): Promise<T> {
  const authority = Authority.open(dataDir(cmd));
  try {
    return await fn(authority);
  } finally {
    await authority.close();
  }
}

export function authorityCommands(program: Command): void {
  program.command('init').description('create the licence authority (root CA, issuing CA, database) if absent')
    .action((_o, cmd: Command) => {
      const dir = dataDir(cmd);
      print(Authority.init(dir) ? `Created a licence authority in ${dir}` : `The licence authority in ${dir} already exists; nothing changed`);
    });

  const ca = program.command('ca').description('the authority\'s certificates');
  ca.command('export').description('print the root certificate (PEM): the trust anchor PBXs are given')
    .action((_o, cmd: Command) => { Authority.open(dataDir(cmd)).close(); print(rootPem(dataDir(cmd))); });

  const device = program.command('device').description('PBXs by serial number');
  device.command('add').description('register a PBX').requiredOption('--serial <serial>').requiredOption('--model <model>').option('--name <name>')
    .option('--json', 'print JSON')
    .action((o: { serial: string; model: string; name?: string; json?: boolean }, cmd: Command) => withAuthority(cmd, async (a) => {
      const d = await a.addDevice(o);
      if (o.json) printJson(d); else print(`Added ${d.serial} (${d.model})${d.name ? ` "${d.name}"` : ''}`);
    }));
  device.command('list').description('list registered PBXs').option('--json', 'print JSON')
    .action((o: { json?: boolean }, cmd: Command) => withAuthority(cmd, async (a) => {
      const list = await a.listDevices();
      if (o.json) printJson(list); else print(formatDeviceList(list));
    }));
  device.command('show').argument('<serial>').description('one PBX with its licences and certificates').option('--json', 'print JSON')
    .action((serial: string, o: { json?: boolean }, cmd: Command) => withAuthority(cmd, async (a) => {
      const detail = await a.device(serial);
      if (o.json) printJson(detail); else print(formatDevice(detail, a.catalogue));
    }));

  program.command('licence').description('licences of a PBX').command('grant').description('grant a licence to a PBX')
    .requiredOption('--serial <serial>').requiredOption('--feature <feature>', 'feature number or id')
    .option('--quantity <n>', 'how many (user licences)').option('--days <n>', 'valid for N days (default: perpetual)').option('--json', 'print JSON')
    .action((o: { serial: string; feature: string; quantity?: string; days?: string; json?: boolean }, cmd: Command) => withAuthority(cmd, async (a) => {
      const quantity = intOption(o.quantity, '--quantity');
      const days = intOption(o.days, '--days');
      const l = await a.grantLicence(o.serial, { feature: o.feature, ...(quantity !== undefined ? { quantity } : {}), ...(days !== undefined ? { days } : {}) });
      if (o.json) printJson(l); else print(`Granted feature ${l.feature} × ${l.quantity} to ${o.serial}, ${l.notAfter ? `until ${l.notAfter.slice(0, 10)}` : 'perpetual'}`);
    }));

  program.command('certificate').description('certificates of a PBX').command('recreate')
    .description('turn a PBX\'s initialisation code into its answer code').requiredOption('--serial <serial>')
    .option('--init-code <file>', 'file with the initialisation code, or - for standard input', '-').option('--json', 'print JSON')
    .action((o: { serial: string; initCode: string; json?: boolean }, cmd: Command) => withAuthority(cmd, async (a) => {
      const answer = await a.recreateCertificate(readInput(o.initCode, 'an initialisation code'), o.serial.trim());
      // Never print an answer the PBX would refuse: run the PBX's own chain check first.
      verifyChain({ leaf: parseCertificate(answer.leafDer), intermediates: answer.chainDer.map((c) => parseCertificate(c)), rootDer: a.ca.rootDer, now: new Date() });
      if (o.json) printJson({ serial: answer.serial, certificateSerial: answer.certificateSerial, notAfter: answer.notAfter, superseded: answer.superseded, code: answer.code });
      else print(answer.code);
    }));
}
