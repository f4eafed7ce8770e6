// Helpers for the main-process tests: real services on a temporary folder, a call counter that
// proves "nothing was done", and one valid input per channel to break in different ways.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Channel } from '../../src/shared/ipc/contract';
import { openServices } from '../../src/main/services/open';
import type { OpenServices, Services } from '../../src/main/services/types';

export function makeTempDir(prefix = 'ld-main-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface CountedServices {
  services: OpenServices;
  calls: string[];
}

/** Every service call is recorded before it runs, so a refused call must leave `calls` empty. */
export function counted(inner: OpenServices): CountedServices {
  const calls: string[] = [];
  const services = new Proxy(inner, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== 'function' || key === 'close') return value;
      return (...args: unknown[]) => {
        calls.push(String(key));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { services, calls };
}

export const openTestServices = (dataDir: string): Promise<OpenServices> =>
  openServices({ dataDir, runtime: 'browser', name: 'Licence Desk', version: '0.0.0-test' });

export const SERIAL = 'TEST0001';

/** For each channel: a valid input, a field with the wrong type and a required field (where it has them). */
export const CASES: Record<
  Channel,
  { valid: Record<string, unknown>; wrongType?: Record<string, unknown>; required?: string }
> = {
  'app:info': { valid: {} },
  'authority:root': { valid: {} },
  'devices:list': { valid: {}, wrongType: { includeRetired: 'yes' } },
  'devices:add': {
    valid: { serial: SERIAL, model: 'comtrexx-vm', name: 'Office' },
    wrongType: { serial: 12345 },
    required: 'model',
  },
  'devices:get': { valid: { serial: SERIAL }, wrongType: { serial: ['TEST0001'] }, required: 'serial' },
  'licences:grant': {
    valid: { serial: SERIAL, feature: 11, quantity: 3 },
    wrongType: { quantity: '3' },
    required: 'feature',
  },
  'certificates:recreate': {
    valid: { serial: SERIAL, initCode: 'not a code' },
    wrongType: { initCode: { text: 'x' } },
    required: 'initCode',
  },
  'devices:rename': { valid: { serial: SERIAL, name: 'Lobby' }, wrongType: { name: 5 }, required: 'name' },
  'devices:move': { valid: { serial: SERIAL, customer: 'Acme' }, wrongType: { customer: false }, required: 'customer' },
  'devices:retire': { valid: { serial: SERIAL }, wrongType: { serial: 7 }, required: 'serial' },
  'devices:import': {
    valid: { rows: [{ serial: 'IMP1', model: 'comtrexx-vm' }] },
    wrongType: { rows: 'IMP1' },
    required: 'rows',
  },
  'transfers:request': { valid: { serial: SERIAL, note: 'ours' }, wrongType: { note: 3 }, required: 'serial' },
  'customers:list': { valid: {} },
  'tryout:start': { valid: { serial: SERIAL }, wrongType: { serial: 1 }, required: 'serial' },
  'tryout:status': { valid: { serial: SERIAL }, wrongType: { serial: 1 }, required: 'serial' },
  'tryout:end': { valid: { serial: SERIAL }, wrongType: { serial: 1 }, required: 'serial' },
  'registrations:create': {
    valid: { company: 'Acme', email: 'it@acme.example' },
    wrongType: { company: 3 },
    required: 'email',
  },
  'registrations:recover': { valid: { email: 'it@acme.example' }, wrongType: { email: 3 }, required: 'email' },
  'registrations:link': {
    valid: { registration: 'MIKO-00000-00000-00000-00000', serial: SERIAL },
    wrongType: { serial: 5 },
    required: 'registration',
  },
  'trials:start': {
    valid: { registration: 'MIKO-00000-00000-00000-00000', serial: SERIAL, initCode: 'not a code' },
    wrongType: { initCode: 9 },
    required: 'initCode',
  },
  'eula:show': { valid: {} },
  'eula:accept': {
    valid: { registration: 'MIKO-00000-00000-00000-00000' },
    wrongType: { registration: 1 },
    required: 'registration',
  },
  'coupons:redeem': {
    valid: { code: 'LDC-00000-00000-00000-00000', serial: SERIAL },
    wrongType: { code: 1 },
    required: 'serial',
  },
  'bindings:list': { valid: {}, wrongType: { serial: 5 } },
  'bindings:show': { valid: { id: 1 }, wrongType: { id: 'one' }, required: 'id' },
  'bindings:reset': { valid: { id: 1, feature: 33 }, wrongType: { feature: '33' }, required: 'feature' },
  'verification:history': { valid: { serial: SERIAL }, wrongType: { serial: 5 }, required: 'serial' },
  'audit:list': { valid: {}, wrongType: { limit: 'ten' } },
  'audit:verify': { valid: {} },
  'codes:inspect': { valid: { code: 'not a code' }, wrongType: { code: 42 }, required: 'code' },
  'connection:connect': {
    valid: { serverUrl: 'http://127.0.0.1:9/', token: 'ldt_not-a-real-token' },
    wrongType: { token: 12345678 },
    required: 'token',
  },
  'connection:disconnect': { valid: {} },
  'settings:get': { valid: {} },
  'settings:set': { valid: { language: 'de' }, wrongType: { language: 7 } },
  // Never run with these inputs (every case is refused): the file is only a path.
  'data:backup': {
    valid: { file: '/nonexistent/backup.ldbackup', passphrase: 'long enough passphrase' },
    wrongType: { passphrase: 12345678 },
    required: 'passphrase',
  },
  'data:restore': {
    valid: { file: '/nonexistent/backup.ldbackup', passphrase: 'long enough passphrase', replaceAuthority: false },
    wrongType: { replaceAuthority: 'yes' },
    required: 'passphrase',
  },
};

export type { Services };
