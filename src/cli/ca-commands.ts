// `licence-desk init` (the root key written only sealed, to a file the user keeps offline) and
// `licence-desk ca rotate --root FILE` (a new issuing CA under the same root).
import { join } from 'node:path';
import type { Command } from 'commander';
import { keyFile } from '../authority/keys/key-files';
import { makeSealer, type KeySealer } from '../authority/keys/sealer';
import { toPem } from '../licensing/pem';
import { dataDir } from './context';
import { print } from './io';
import { ttyPrompt } from './prompt';
import { cliRootSealer, cliSealer } from './sealer';

export function initCommand(program: Command): void {
  program
    .command('init')
    .description('create the licence authority (root CA, issuing CA, database) if absent')
    .option(
      '--root-out <file>',
      'where the sealed root key goes (default: ca/root.key.sealed in the data folder; move it offline)',
    )
    .action(async (o: { rootOut?: string }, cmd: Command) => {
      const dir = dataDir(cmd);
      const { Authority } = await import('../authority/authority'); // loaded by the commands that use it
      const sealer = await cliSealer(dir);
      const rootOut = o.rootOut ?? keyFile(dir, 'root.key');
      const created = await Authority.init(dir, undefined, {
        sealer,
        rootSealer: await initRootSealer(sealer),
        rootOut,
      });
      if (!created) return print(`The licence authority in ${dir} already exists; nothing changed`);
      print(`Created a licence authority in ${dir}`);
      print(
        `The root key is sealed in ${rootOut}. Move it offline (a USB stick in a safe): it is needed only for "licence-desk ca rotate --root FILE", and nothing else reads it.`,
      );
    });
}

/** The root key's own passphrase: LICENCE_DESK_ROOT_PASSPHRASE, or asked on a terminal; else the data folder's sealer. */
async function initRootSealer(keys: KeySealer): Promise<KeySealer> {
  const env = process.env;
  if (env.LICENCE_DESK_ROOT_PASSPHRASE)
    return makeSealer({
      passphrase: env.LICENCE_DESK_ROOT_PASSPHRASE,
      passphraseSource: 'LICENCE_DESK_ROOT_PASSPHRASE',
      env,
    });
  const ask = ttyPrompt();
  const typed = ask ? (await ask('Passphrase for the root key (empty: seal it like the other keys): ')).trim() : '';
  return typed ? makeSealer({ passphrase: typed, passphraseSource: 'the root passphrase', env }) : keys;
}

export function rotateCommand(ca: Command): void {
  ca.command('rotate')
    .description(
      'make a new issuing CA under the same root (the root key from the file you kept); PBXs keep accepting answers',
    )
    .option('--root <file>', 'the sealed root key (default: ca/root.key.sealed in the data folder)')
    .action(async (o: { root?: string }, cmd: Command) => {
      const dir = dataDir(cmd);
      const [{ loadRootIssuer }, { rotateIssuingCa }] = await Promise.all([
        import('../authority/ca'),
        import('../authority/ca-rotate'),
      ]);
      const rootFile = o.root ?? keyFile(dir, 'root.key');
      const sealer = await cliSealer(dir);
      const root = loadRootIssuer(dir, rootFile, await cliRootSealer(sealer, rootFile));
      const der = rotateIssuingCa(dir, root, sealer);
      print(toPem('CERTIFICATE', der).trimEnd());
      print(`The new issuing CA is in ${join(dir, 'ca', 'issuing.pem')}; PBXs trusting the root accept its answers.`);
    });
}
