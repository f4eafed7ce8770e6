// Backup and restore on real files and a real SQLite database: the CLI round trip (the previous
// folder kept), then each bad archive refused with its own code before anything is replaced.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Authority } from '../../src/authority/authority';
import { readArchive, writeArchive } from '../../src/authority/backup/archive';
import { makeBackup } from '../../src/authority/backup/backup';
import { sha256Hex, type Payload } from '../../src/authority/backup/payload';
import { restoreBackup } from '../../src/authority/backup/restore';
import { keyFile } from '../../src/authority/keys/key-files';
import { makeSealer } from '../../src/authority/keys/sealer';
import { osKeychain } from '../../src/main/services/keychain';
import { openKeySealer, WRAPPING_KEY_ACCOUNT } from '../../src/main/services/key-sealer';
import { tempDir } from '../support/fixtures';
import { skipWithoutKeychain, testKeychainService } from '../support/keyring';
import { cli, type CliResult } from '../server/support';

const env = { LICENCE_DESK_SCRYPT_LOG2N: '10' };
const sealer = makeSealer({ passphrase: 'test passphrase', env });
const PASS = 'correct horse battery';

async function authorityWith(serials: string[], s = sealer): Promise<string> {
  const dir = join(tempDir(), 'data');
  await Authority.init(dir, undefined, { sealer: s });
  await addDevices(dir, serials, s);
  return dir;
}

async function addDevices(dir: string, serials: string[], s = sealer): Promise<void> {
  const a = await Authority.open({ dataDir: dir, sealer: s });
  for (const serial of serials) await a.call('devices.add', { serial, model: 'comtrexx-vm' });
  await a.close();
}

async function serials(dir: string, s = sealer): Promise<string[]> {
  const a = await Authority.open({ dataDir: dir, sealer: s });
  try {
    return (await a.call('devices.list', {})).map((d) => d.serial);
  } finally {
    await a.close();
  }
}

async function backupOf(dir: string, s = sealer): Promise<string> {
  const file = join(tempDir('ld-bak-'), 'authority.ldbackup');
  await makeBackup({ dataDir: dir, file, passphrase: PASS, sealer: s, env });
  return file;
}

const failure = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error('expected a failure');
};
const restore = (dir: string, file: string, passphrase = PASS, replaceAuthority = false) =>
  restoreBackup({ dataDir: dir, file, passphrase, sealer, replaceAuthority });
/** Nothing replaced and nothing left over beside the data folder. */
const untouched = (dir: string) => expect(readdirSync(dirname(dir)).filter((n) => n !== 'data')).toEqual([]);

const ok = (r: CliResult) => {
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
};

describe('backup and restore', () => {
  it('CLI: backup, change, restore brings the backed-up state back and keeps the previous folder', async () => {
    const dir = join(tempDir(), 'data');
    const e = { LICENCE_DESK_BACKUP_PASSPHRASE: PASS };
    ok(await cli(['--data', dir, 'init']));
    ok(await cli(['--data', dir, 'device', 'add', '--serial', 'BAK-0001', '--model', 'comtrexx-vm']));
    const file = join(tempDir('ld-bak-'), 'desk.ldbackup');
    expect(ok(await cli(['--data', dir, 'backup', file], e))).toContain(`to ${file}`);
    expect(readFileSync(file, 'latin1')).not.toMatch(/PRIVATE KEY|BAK-0001/); // encrypted, keys and data alike
    const again = await cli(['--data', dir, 'backup', file], e);
    expect(again.stderr).toContain('[BACKUP_FILE_EXISTS]');
    ok(await cli(['--data', dir, 'device', 'add', '--serial', 'BAK-0002', '--model', 'comtrexx-vm']));

    const said = ok(await cli(['--data', dir, 'restore', file], e));
    expect(said).toMatch(/The previous data folder is kept as .*data\.before-restore-/);
    expect(await serials(dir)).toEqual(['BAK-0001']);
    const previous = readdirSync(dirname(dir)).find((n) => n.startsWith('data.before-restore-'))!;
    expect(await serials(join(dirname(dir), previous))).toEqual(['BAK-0001', 'BAK-0002']);
    for (const f of readdirSync(join(dir, 'ca')))
      expect(readFileSync(join(dir, 'ca', f), 'latin1')).not.toMatch(/PRIVATE KEY/);
    ok(await cli(['--data', dir, 'audit', 'verify']));
  });

  it('refuses a wrong passphrase, a truncated, an edited, a newer and a foreign file, replacing nothing', async () => {
    const dir = await authorityWith(['BAK-0101']);
    const file = await backupOf(dir);
    await addDevices(dir, ['BAK-0102']);
    const bytes = readFileSync(file);
    const variant = (name: string, data: Buffer | string) => {
      const f = join(dirname(file), name);
      writeFileSync(f, data);
      return f;
    };
    expect(failure(() => restore(dir, file, 'wrong passphrase'))).toMatchObject({ code: 'BACKUP_PASSPHRASE_WRONG' });
    expect(failure(() => restore(dir, variant('cut', bytes.subarray(0, bytes.length - 10))))).toMatchObject({
      code: 'BACKUP_TRUNCATED',
    });
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 5] = flipped[flipped.length - 5]! ^ 1;
    expect(failure(() => restore(dir, variant('flipped', flipped)))).toMatchObject({ code: 'BACKUP_EDITED' });
    const text = bytes.toString('latin1');
    const newer = Buffer.from(text.replace('"version":1', '"version":2'), 'latin1');
    expect(failure(() => restore(dir, variant('newer', newer)))).toMatchObject({ code: 'BACKUP_VERSION_NEWER' });
    expect(failure(() => restore(dir, variant('plain', 'just text\n')))).toMatchObject({ code: 'BACKUP_NOT_A_BACKUP' });
    untouched(dir);
    expect(await serials(dir)).toEqual(['BAK-0101', 'BAK-0102']);
  });

  it('refuses a backup of another authority unless told to replace it', async () => {
    const dir = await authorityWith(['BAK-0201']);
    const other = await backupOf(await authorityWith(['OTHER-01']));
    const e = failure(() => restore(dir, other));
    expect(e).toMatchObject({ code: 'BACKUP_OTHER_AUTHORITY' });
    expect(e.message).toContain('--replace-authority');
    untouched(dir);
    expect(restore(dir, other, PASS, true).previous).toMatch(/before-restore-/);
    expect(await serials(dir)).toEqual(['OTHER-01']);
  });

  it('checks the database inside with integrity_check before replacing anything', async () => {
    const dir = await authorityWith(['BAK-0301']);
    const file = await backupOf(dir);
    const p = readArchive(file, PASS) as Payload;
    const db = Buffer.from(p.files['authority.db']!, 'base64');
    db.fill(0x41, 4096, 8192); // a damaged page, checksum made to match: only SQLite can tell
    p.files['authority.db'] = db.toString('base64');
    p.manifest.files.find((f) => f.path === 'authority.db')!.sha256 = sha256Hex(db);
    const bad = join(dirname(file), 'damaged');
    writeArchive(bad, p, PASS, env);
    expect(failure(() => restore(dir, bad))).toMatchObject({ code: 'BACKUP_DATABASE_CORRUPT' });
    untouched(dir);
  });

  it('a PostgreSQL server is not backed up here: pg_dump', async () => {
    const dir = await authorityWith([]);
    await expect(
      makeBackup({ dataDir: dir, database: 'postgres://localhost/x', file: join(dir, 'x'), passphrase: PASS, sealer }),
    ).rejects.toMatchObject({ code: 'BACKUP_POSTGRES_UNSUPPORTED', message: expect.stringContaining('pg_dump') });
  });
});

describe('restore after the keychain entry was deleted', async () => {
  const skip = await skipWithoutKeychain();
  it.skipIf(!!skip)('the keys cannot be opened, a backup brings them back under a new wrapping key', async () => {
    const keychain = osKeychain(testKeychainService());
    try {
      const dir = join(tempDir(), 'data');
      const first = await openKeySealer(dir, { env: {}, keychain });
      await Authority.init(dir, undefined, { sealer: first });
      await addDevices(dir, ['KEY-0001'], first);
      const file = await backupOf(dir, first);
      await keychain.delete(WRAPPING_KEY_ACCOUNT);
      const gone = await openKeySealer(dir, { env: {}, keychain });
      await expect(Authority.open({ dataDir: dir, sealer: gone })).rejects.toMatchObject({
        code: 'KEY_WRAPPING_KEY_MISSING',
        message: expect.stringContaining('restore'),
      });
      const fresh = await openKeySealer(dir, { env: {}, keychain, fresh: true });
      restoreBackup({ dataDir: dir, file, passphrase: PASS, sealer: fresh });
      expect(existsSync(keyFile(dir, 'issuing.key'))).toBe(true);
      expect(await serials(dir, await openKeySealer(dir, { env: {}, keychain }))).toEqual(['KEY-0001']);
    } finally {
      await keychain.delete(WRAPPING_KEY_ACCOUNT);
    }
  });
});
