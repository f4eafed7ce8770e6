// `licence-desk backup FILE` and `licence-desk restore FILE [--replace-authority]`: the embedded
// authority's data folder in one passphrase-encrypted archive (src/authority/backup). The
// passphrase comes from LICENCE_DESK_BACKUP_PASSPHRASE or a prompt, never the command line.
import type { Command } from 'commander';
import { err } from '../shared/errors';
import { dataDir, databaseOption } from './context';
import { print } from './io';
import { ttyPrompt } from './prompt';
import { cliSealer } from './sealer';

async function passphrase(confirm: boolean): Promise<string | undefined> {
  const given = process.env.LICENCE_DESK_BACKUP_PASSPHRASE;
  const ask = ttyPrompt();
  if (given || !ask) return given;
  const typed = await ask('Backup passphrase: ');
  if (confirm && (await ask('The same passphrase again: ')) !== typed) throw err.BACKUP_PASSPHRASE_MISMATCH();
  return typed;
}

export function backupCommands(program: Command): void {
  program
    .command('backup')
    .argument('<file>', 'the archive to write (refused if it exists)')
    .description('write the whole authority (database snapshot, sealed keys, settings) to one encrypted archive')
    .action(async (file: string, _o, cmd: Command) => {
      const { makeBackup } = await import('../authority/backup/backup');
      const { checkBackupPassphrase } = await import('../authority/backup/archive');
      const dir = dataDir(cmd);
      const database = databaseOption(cmd);
      const pass = checkBackupPassphrase(await passphrase(true));
      const m = await makeBackup({
        dataDir: dir,
        ...(database ? { database } : {}),
        file,
        passphrase: pass,
        sealer: await cliSealer(dir),
      });
      print(`Backed up ${dir} (${m.files.length} files, authority ${m.authorityId.slice(0, 16)}…) to ${file}`);
    });
  program
    .command('restore')
    .argument('<file>', 'an archive made by "licence-desk backup"')
    .option('--replace-authority', 'restore even though the data folder holds another authority')
    .description('check a backup completely, then put it in place of the data folder (the previous one is kept)')
    .action(async (file: string, o: { replaceAuthority?: boolean }, cmd: Command) => {
      const [{ restoreBackup }, { checkBackupPassphrase }, { openKeySealer }] = await Promise.all([
        import('../authority/backup/restore'),
        import('../authority/backup/archive'),
        import('../main/services/key-sealer'),
      ]);
      const dir = dataDir(cmd);
      if (databaseOption(cmd)) throw err.OPTION_CONFLICT({ variant: 'restoreDatabase' });
      const pass = checkBackupPassphrase(await passphrase(false), false);
      const ask = ttyPrompt();
      const sealer = await openKeySealer(dir, { fresh: true, ...(ask ? { prompt: ask } : {}) });
      const r = restoreBackup({ dataDir: dir, file, passphrase: pass, sealer, replaceAuthority: !!o.replaceAuthority });
      print(`Restored ${file} (made ${r.manifest.created}) into ${dir}`);
      if (r.previous) print(`The previous data folder is kept as ${r.previous}`);
    });
}
