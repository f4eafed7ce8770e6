// The preload exposes exactly one function per contract channel, each a plain invoke of that
// channel; nothing of Electron (ipcRenderer, events) reaches the page.
import { expect, it, vi } from 'vitest';
import { CHANNELS, methodOf } from '../../src/shared/ipc/contract';
import { exposed, invoked } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

it('exposes window.licenceDesk with exactly the contract functions, frozen', async () => {
  await import('../../src/preload/index');
  expect([...exposed.keys()]).toEqual(['licenceDesk']);
  const api = exposed.get('licenceDesk') as Record<string, unknown>;
  expect(Object.keys(api).sort()).toEqual(CHANNELS.map(methodOf).sort());
  expect(Object.values(api).every((f) => typeof f === 'function')).toBe(true);
  expect(Object.isFrozen(api)).toBe(true);
  expect(JSON.stringify(Object.keys(api))).not.toMatch(/ipc|invoke|send|on\b/i);
});

it('passes the input, and only the input, to the matching channel', async () => {
  await import('../../src/preload/index');
  const api = exposed.get('licenceDesk') as Record<string, (input?: unknown) => Promise<unknown>>;
  invoked.length = 0;
  expect(await api.devicesAdd!({ serial: 'A1', model: 'comtrexx-vm' })).toEqual({ ok: true, value: 'devices:add' });
  await api.devicesList!();
  expect(invoked).toEqual([
    ['devices:add', { serial: 'A1', model: 'comtrexx-vm' }],
    ['devices:list', {}],
  ]);
});
