// Settings → Back up now / Restore: the embedded authority's data folder in one encrypted archive
// (src/authority/backup), the same code as `licence-desk backup` / `restore`. In the desktop app
// main asks for the file with the system's dialog (pickFile); browser mode takes the path from the
// form. Restore closes the authority first (its database is replaced) and opens the restored one.
import { checkBackupPassphrase } from '../../authority/backup/archive';
import { makeBackup } from '../../authority/backup/backup';
import { restoreBackup } from '../../authority/backup/restore';
import { err } from '../../shared/errors';
import type { Input, Output } from '../../shared/ipc/contract';
import type { KeySealer } from '../../authority/keys/sealer';
import type { Services } from './types';

export type PickFile = (kind: 'backup' | 'restore') => Promise<string | undefined>;

export interface DataContext {
  dataDir: string;
  mode: () => 'embedded' | 'connected';
  /** The system's save/open dialog (desktop app); absent in browser mode. */
  pickFile?: PickFile;
  /** The keys' sealer of this run; `fresh` for restored keys (a wrapping key that is gone is made anew), used from then on. */
  sealer(fresh?: boolean): Promise<KeySealer>;
  /** Closes the open authority, runs `fn`, then opens the embedded one again (also when fn fails). */
  reopenAround<T>(fn: () => T): Promise<T>;
}

export type DataServices = Pick<Services, 'dataBackup' | 'dataRestore'>;

export function dataServices(ctx: DataContext): DataServices {
  const embeddedOnly = (what: string) => {
    if (ctx.mode() === 'connected') throw err.DATA_CONNECTED_MODE({ what });
  };
  const fileFor = async (kind: 'backup' | 'restore', given: string | undefined) => {
    if (given) return given;
    if (ctx.pickFile) return ctx.pickFile(kind);
    throw err.DATA_FILE_REQUIRED({ action: kind === 'backup' ? 'to write' : 'to read' });
  };
  return {
    async dataBackup(input: Input<'data:backup'>): Promise<Output<'data:backup'>> {
      embeddedOnly('Backing up');
      const passphrase = checkBackupPassphrase(input.passphrase);
      const file = await fileFor('backup', input.file);
      if (!file) return { done: false };
      const sealer = await ctx.sealer();
      // A path chosen in the save dialog was confirmed there if it existed; a typed one is not overwritten.
      const m = await makeBackup({ dataDir: ctx.dataDir, file, passphrase, sealer, overwrite: !input.file });
      return { done: true, file, files: m.files.length, authorityId: m.authorityId };
    },
    async dataRestore(input: Input<'data:restore'>): Promise<Output<'data:restore'>> {
      embeddedOnly('Restoring');
      const passphrase = checkBackupPassphrase(input.passphrase, false);
      const file = await fileFor('restore', input.file);
      if (!file) return { done: false };
      const sealer = await ctx.sealer(true);
      const r = await ctx.reopenAround(() =>
        restoreBackup({ dataDir: ctx.dataDir, file, passphrase, sealer, replaceAuthority: !!input.replaceAuthority }),
      );
      return { done: true, file, created: r.manifest.created, previous: r.previous ?? null };
    },
  };
}
