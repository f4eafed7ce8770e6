// A second start while Licence Desk runs: it must quit at once, before opening a window or the
// database (the first instance owns both). Own file: the shell module runs its setup on import.
import { join } from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { app, state } from './fake-electron';
import { makeTempDir } from './support';

vi.mock('electron', () => import('./fake-electron'));

const temp = makeTempDir('ld-second-');
afterAll(() => {
  vi.unstubAllEnvs();
  temp.remove();
});

it('quits at once, without a window or a database, when another instance runs', async () => {
  vi.stubEnv('LICENCE_DESK_DATA', join(temp.dir, 'data'));
  state.singleInstance = false;
  const readyListeners = vi.spyOn(app, 'whenReady');
  await import('../../src/main/electron/index');
  expect(state.quitCalls).toBe(1);
  expect(readyListeners).not.toHaveBeenCalled();
  await new Promise((r) => setTimeout(r, 50));
  expect(state.windows).toHaveLength(0);
  expect(state.ipcHandlers.size).toBe(0);
});
