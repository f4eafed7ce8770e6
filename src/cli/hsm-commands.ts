// `licence-desk ca hsm-issue`: the issuing key in a hardware module (PKCS#11), for `serve --issuing-key`.
import { join } from 'node:path';
import type { Command } from 'commander';
import { hsmIssue } from '../authority/hsm/hsm-issue';
import { toPem } from '../licensing/pem';
import { dataDir } from './context';
import { print } from './io';
import { keyFile } from '../authority/keys/key-files';
import { cliRootSealer, cliSealer } from './sealer';

export function hsmCommands(ca: Command): void {
  ca.command('hsm-issue')
    .description(
      'generate the issuing key in a PKCS#11 token and store its CA certificate, signed by the root, in the data folder',
    )
    .requiredOption(
      '--issuing-key <uri>',
      'pkcs11:token=…;object=…?module-path=…&pin-source=env:VAR (the key to create; the PIN never on the command line)',
    )
    .option('--root <file>', 'the sealed root key (default: ca/root.key.sealed in the data folder)')
    .action(async (o: { issuingKey: string; root?: string }, cmd: Command) => {
      const dir = dataDir(cmd);
      const file = o.root ?? keyFile(dir, 'root.key');
      const sealer = await cliRootSealer(await cliSealer(dir), file);
      const der = await hsmIssue(dir, o.issuingKey, { file, sealer });
      print(toPem('CERTIFICATE', der).trimEnd());
      print(`Stored in ${join(dir, 'ca', 'issuing-hsm.pem')}; serve with --issuing-key and the same URI.`);
    });
}
