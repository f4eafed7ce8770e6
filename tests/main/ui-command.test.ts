// `licence-desk ui`: one printed line with the address, serving until SIGINT/SIGTERM, then the
// authority is closed; the CLI's global --data is honoured; bad ports and a missing build are
// refused with a clear message.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parsePort, uiCommand } from '../../src/cli/ui-command';
import { runUi, startUi } from '../../src/main/browser-mode/ui-command';
import { makeTempDir } from './support';

const temp = makeTempDir('ld-ui-');
const rendererDir = join(temp.dir, 'renderer');
mkdirSync(rendererDir, { recursive: true });
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Licence Desk</title>');
afterAll(() => temp.remove());

describe('licence-desk ui', () => {
  it('prints exactly one line with the address, serves until SIGINT, then closes everything', async () => {
    const lines: string[] = [];
    const running = runUi({ dataDir: join(temp.dir, 'data-1'), rendererDir }, (l) => lines.push(l));
    await vi.waitFor(() => expect(lines).toHaveLength(1));
    expect(lines[0]).toMatch(/^Licence Desk is running at http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{43}$/);
    const url = new URL(lines[0]!.split(' at ')[1]!);
    expect((await fetch(new URL('/', url))).status).toBe(200);
    process.emit('SIGINT');
    await running;
    await expect(fetch(new URL('/', url))).rejects.toThrow(); // the port is closed
    expect(lines).toHaveLength(1);
  });

  it('closes on SIGTERM too, and a second start on the same folder works (the database was released)', async () => {
    const dataDir = join(temp.dir, 'data-2');
    const first = runUi({ dataDir, rendererDir }, () => undefined);
    await new Promise((r) => setTimeout(r, 300));
    process.emit('SIGTERM');
    await first;
    const again = await startUi({ dataDir, rendererDir });
    await again.close();
  });

  it('refuses to start without a built UI, naming the fix', async () => {
    await expect(
      startUi({ dataDir: join(temp.dir, 'data-3'), rendererDir: join(temp.dir, 'nowhere') }),
    ).rejects.toMatchObject({ code: 'UI_NOT_BUILT', message: expect.stringContaining('npm run build') });
  });

  it('parses --port strictly', () => {
    expect(parsePort(undefined)).toBeUndefined();
    expect(parsePort('0')).toBe(0);
    expect(parsePort('8080')).toBe(8080);
    for (const bad of ['-1', '65536', '80a', '', '1e3', ' 80']) expect(() => parsePort(bad), bad).toThrow(/--port/);
  });

  it('registers as a subcommand that reads the global --data option', async () => {
    const program = new Command('licence-desk').option('--data <dir>').exitOverride();
    uiCommand(program);
    const ui = program.commands.find((c) => c.name() === 'ui');
    expect(ui?.options.map((o) => o.long)).toEqual(['--port']);
    await expect(
      program.parseAsync(['ui', '--port', 'abc', '--data', join(temp.dir, 'x')], { from: 'user' }),
    ).rejects.toMatchObject({ code: 'OPTION_INVALID' });
  });
});
