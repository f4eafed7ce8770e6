// The data folder is owner-only: 0700, every file in it 0600 (database, WAL, SHM, settings, pins,
// CA files), whatever the umask; a folder or a --database file found looser is tightened, with one
// warning line from the CLI, and never again once it is tight.
import { chmodSync, lstatSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Authority } from '../../src/authority/authority';
import { SettingsStore } from '../../src/main/services/settings';
import { cli } from '../server/support';
import { tempDir } from '../support/fixtures';

const mode = (path: string) => lstatSync(path).mode & 0o777;

/** Every folder and file under dir with its mode, e.g. { 'ca': 0o700, 'authority.db': 0o600 }. */
function modes(dir: string, prefix = ''): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const rel = join(prefix, e.name);
    out[rel] = mode(join(dir, e.name));
    if (e.isDirectory()) Object.assign(out, modes(join(dir, e.name), rel));
  }
  return out;
}
const loose = (dir: string) => Object.entries(modes(dir)).filter(([, m]) => (m & 0o077) !== 0);

describe('data folder permissions', () => {
  it('creates everything owner-only under a permissive umask, the WAL and SHM included', async () => {
    const old = process.umask(0o022);
    try {
      const data = join(tempDir(), 'data');
      await Authority.init(data);
      new SettingsStore(data).set({ mode: 'embedded' });
      const a = await Authority.open({ dataDir: data });
      try {
        await a.call('devices.add', { serial: 'PERM1', model: 'comtrexx-vm' });
        const all = modes(data);
        expect(all).toMatchObject({ 'authority.db': 0o600, 'authority.db-wal': 0o600, 'settings.json': 0o600 });
        expect(all['authority.db-shm']).toBe(0o600);
        expect(mode(data)).toBe(0o700);
        expect(loose(data)).toEqual([]);
      } finally {
        await a.close();
      }
    } finally {
      process.umask(old);
    }
  });

  it('tightens a folder that was left readable, warns in one line, and is quiet once it is tight', async () => {
    const data = join(tempDir(), 'data');
    await Authority.init(data);
    writeFileSync(join(data, 'notes.txt'), 'left here by hand');
    chmodSync(join(data, 'notes.txt'), 0o644);
    chmodSync(join(data, 'authority.db'), 0o644);
    chmodSync(data, 0o755);
    const first = await cli(['--data', data, 'device', 'list']);
    expect(first.status).toBe(0);
    const lines = first.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^licence-desk: warning: The data folder .* was readable by other users .*tightened/);
    expect(mode(data)).toBe(0o700);
    expect(loose(data)).toEqual([]);
    const second = await cli(['--data', data, 'device', 'list']);
    expect([second.status, second.stderr]).toEqual([0, '']);
  });

  it('does the same for --database FILE outside the data folder, without touching that folder', async () => {
    const data = join(tempDir(), 'data');
    await Authority.init(data);
    const elsewhere = tempDir();
    chmodSync(elsewhere, 0o755);
    const db = join(elsewhere, 'shared.db');
    const created = await cli([
      '--data',
      data,
      '--database',
      db,
      'device',
      'add',
      '--serial',
      'P2',
      '--model',
      'comtrexx-vm',
    ]);
    expect([created.status, created.stderr]).toEqual([0, '']);
    expect(mode(db)).toBe(0o600);
    chmodSync(db, 0o644);
    const again = await cli(['--data', data, '--database', db, 'device', 'list']);
    expect(again.status).toBe(0);
    expect(again.stderr).toMatch(/^licence-desk: warning: The database .*shared\.db was readable by other users/);
    expect(again.stdout).toContain('P2');
    expect(mode(db)).toBe(0o600);
    expect(mode(elsewhere)).toBe(0o755); // the user's own folder is theirs to set
  });
});
