// Settings → Back up now / Restore through the dispatcher (the validated IPC boundary), on the
// real services of browser mode: backup, a change, restore brings the backed-up state back while
// the app runs (the authority is closed and opened again), the previous folder kept; a wrong
// passphrase replaces nothing; a path is required where there is no dialog.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatch, type Dispatch } from '../../src/main/ipc/dispatch';
import type { OpenServices } from '../../src/main/services/types';
import type { Result } from '../../src/shared/result';
import { makeTempDir, openTestServices } from './support';

let temp: ReturnType<typeof makeTempDir>;
let services: OpenServices;
let dispatch: Dispatch;
const PASS = 'a long enough passphrase';

const serials = async () => {
  const r = (await dispatch('devices:list', {})) as Result<{ serial: string }[]>;
  if (!r.ok) throw new Error(r.error.code);
  return r.value.map((d) => d.serial);
};

beforeAll(async () => {
  temp = makeTempDir();
  services = await openTestServices(join(temp.dir, 'data'));
  dispatch = createDispatch(services);
});
afterAll(async () => {
  await services.close();
  temp.remove();
});

describe('data:backup and data:restore', () => {
  it('backs up, and restores the backed-up state into the running app, keeping the previous folder', async () => {
    await dispatch('devices:add', { serial: 'IPC-BAK-1', model: 'comtrexx-vm' });
    const file = join(temp.dir, 'app.ldbackup');
    const info = (await dispatch('app:info', {})) as Result<{ dataDir: string }>;
    expect(info.ok && info.value.dataDir).toBe(join(temp.dir, 'data'));
    expect(await dispatch('data:backup', { passphrase: PASS })).toMatchObject({
      ok: false,
      error: { code: 'DATA_FILE_REQUIRED' },
    });
    expect(await dispatch('data:backup', { file, passphrase: PASS })).toMatchObject({
      ok: true,
      value: { done: true, file },
    });
    await dispatch('devices:add', { serial: 'IPC-BAK-2', model: 'comtrexx-vm' });

    expect(await dispatch('data:restore', { file, passphrase: 'not the passphrase' })).toMatchObject({
      ok: false,
      error: { code: 'BACKUP_PASSPHRASE_WRONG' },
    });
    expect(await serials()).toEqual(['IPC-BAK-1', 'IPC-BAK-2']);

    const r = await dispatch('data:restore', { file, passphrase: PASS });
    expect(r).toMatchObject({
      ok: true,
      value: { done: true, previous: expect.stringContaining('data.before-restore-') },
    });
    expect(await serials()).toEqual(['IPC-BAK-1']);
    expect(readdirSync(temp.dir).filter((n) => n.startsWith('data.before-restore-'))).toHaveLength(1);
  });
});
