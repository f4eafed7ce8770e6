// The store's actions against the real main-process services: the renderer's own fetch-based
// API (api.ts) with the request handed straight to the dispatcher browser mode uses, so every
// call is validated by the contract and answered by a real embedded authority.
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDispatch, type Dispatch } from '../../src/main/ipc/dispatch';
import type { OpenServices } from '../../src/main/services/types';
import { loadAudit, loadMoreAudit, setAuditFilter, verifyAudit } from '../../src/renderer/actions/audit';
import { acceptEula, boot, chooseMode, declineEula } from '../../src/renderer/actions/boot';
import { setApi } from '../../src/renderer/actions/client';
import { loadDetail, moveDevice, renameDevice, retireDevice } from '../../src/renderer/actions/detail';
import { addDevice, importCsv, requestTransfer, setQuery, sortBy } from '../../src/renderer/actions/devices';
import { inspect } from '../../src/renderer/actions/code-inspector';
import { closeWizard, openWizard } from '../../src/renderer/actions/wizard';
import { setLanguage, setTheme } from '../../src/renderer/actions/settings';
import { browserApi } from '../../src/renderer/api';
import { i18n } from '../../src/renderer/i18n';
import { EULA_VERSION } from '../../src/renderer/i18n/eula';
import { filterDevices } from '../../src/renderer/lib/device-filter';
import { getState, resetStore, setState } from '../../src/renderer/store';
import { makeTempDir, openTestServices } from '../main/support';

let temp: ReturnType<typeof makeTempDir>;
let services: OpenServices;
let dispatch: Dispatch;

beforeAll(async () => {
  temp = makeTempDir('ld-renderer-');
  services = await openTestServices(join(temp.dir, 'data'));
  dispatch = createDispatch(services);
  const fetchFn = async (url: string, init: RequestInit) => {
    const channel = url.replace(/^\/api\//, '');
    return new Response(JSON.stringify(await dispatch(channel, JSON.parse(String(init.body)))));
  };
  setApi(browserApi('t'.repeat(32), fetchFn));
});
afterAll(async () => {
  await services.close();
  temp.remove();
});

describe('first start', () => {
  beforeEach(() => resetStore());

  it('shows the agreement first, in the OS language; declining stops there', async () => {
    await boot(['de-AT', 'en']);
    expect(getState().boot).toBe('eula');
    expect(i18n.language).toBe('de');
    expect(getState().settings?.eulaAcceptedVersion).toBeNull();
    declineEula();
    expect(getState().boot).toBe('declined');
    expect(getState().devicesLoaded).toBe(false);
  });

  it('accepting stores the version and the language shown, then asks for the mode', async () => {
    await boot(['ru-RU']);
    expect(await acceptEula()).toBeNull();
    expect(getState().boot).toBe('mode');
    expect(getState().settings).toMatchObject({ eulaAcceptedVersion: EULA_VERSION, language: 'ru' });
    expect(await chooseMode('embedded')).toBeNull();
    expect(getState().boot).toBe('ready');
    expect(getState().devicesLoaded).toBe(true);
  });

  it('a later start goes straight to the app, in the stored language', async () => {
    await boot(['en-US']);
    expect(getState().boot).toBe('ready');
    expect(i18n.language).toBe('ru');
    expect(await setLanguage('en')).toBeNull();
    expect(await setTheme('dark')).toBeNull();
    resetStore();
    await boot(['de-DE']);
    expect(i18n.language).toBe('en');
    expect(getState().settings?.theme).toBe('dark');
  });

  it("connected mode is main's decision: its refusal comes back as a readable error", async () => {
    const error = await chooseMode('connected', 'http://127.0.0.1:9', 'a-token-of-some-length');
    expect(error?.message).toBeTruthy();
    expect(error?.message).not.toContain('{');
  });
});

describe('My devices and the detail page', () => {
  beforeAll(async () => {
    resetStore();
    await boot(['en']);
  });

  it("adds a device, and shows the authority's refusal for a duplicate", async () => {
    expect(
      await addDevice({
        serial: 'CTX-0001',
        model: 'comtrexx-business',
        name: 'Front office',
        customer: 'Müller GmbH',
      }),
    ).toBeNull();
    expect(getState().devices.map((d) => d.serial)).toEqual(['CTX-0001']);
    expect(getState().toasts.at(-1)?.text).toBe('Device CTX-0001 added.');
    const dup = await addDevice({ serial: 'CTX-0001', model: 'comtrexx-business', name: '', customer: '' });
    expect(dup?.code).toBe('DEVICE_EXISTS');
    // The transfer request (DEVICE_HELD_ELSEWHERE's way forward) reaches the authority: one's own serial is refused.
    expect(await requestTransfer('ctx-0001')).toMatchObject({ code: 'TRANSFER_OWN_DEVICE' });
  });

  it('imports a CSV in chunks with per-row errors under their row numbers', async () => {
    const rows = Array.from(
      { length: 1100 },
      (_, i) => `IMP-${String(i).padStart(4, '0')},comtrexx-vm,Site ${i},Customer ${i % 5}`,
    );
    await importCsv(
      ['serial,model,name,customer', ...rows, 'CTX-0001,comtrexx-vm,,', 'bad serial,comtrexx-vm,,'].join('\n'),
    );
    const s = getState().importState!;
    expect(s).toMatchObject({ total: 1102, done: 1102, added: 1100, running: false });
    expect(s.errors.map((e) => [e.row, e.code])).toEqual([
      [1102, 'DEVICE_EXISTS'],
      [1103, 'SERIAL_INVALID'], // caught while reading, with which characters a serial may have
    ]);
    expect(getState().devices).toHaveLength(1101);
    // Put in place chunk by chunk, not reloaded: the sorted index has them and search finds them.
    expect(getState().sorted).toHaveLength(1101);
    expect(filterDevices(getState().sorted, { ...getState().query, search: 'imp-1099' }, Date.now())).toHaveLength(1);
  });

  it('sorts the index once, and the query filters it', async () => {
    sortBy('name');
    expect(getState().sort).toEqual({ key: 'name', dir: 'asc' });
    setQuery({ search: 'site 100' });
    const { sorted, query } = getState();
    expect(filterDevices(sorted, query, Date.now()).map((d) => d.serial)).toEqual([
      'IMP-0100',
      'IMP-1000',
      'IMP-1001',
      'IMP-1002',
      'IMP-1003',
      'IMP-1004',
      'IMP-1005',
      'IMP-1006',
      'IMP-1007',
      'IMP-1008',
      'IMP-1009',
    ]);
    setQuery({ search: '' });
  });

  it('loads the detail, renames, moves and retires', async () => {
    await loadDetail('CTX-0001');
    expect(getState().detail).toMatchObject({
      serial: 'CTX-0001',
      loading: false,
      error: null,
      bindings: [],
      history: [],
    });
    expect(getState().detail?.audit.map((a) => a.action)).toEqual(['device.add']);
    expect(await renameDevice('CTX-0001', 'Reception')).toBeNull();
    expect(await moveDevice('CTX-0001', 'Nordlicht AG')).toBeNull();
    expect(getState().detail?.detail?.device).toMatchObject({ name: 'Reception', customer: 'Nordlicht AG' });
    expect(await retireDevice('CTX-0001')).toBeNull();
    expect((await retireDevice('CTX-0001'))?.code).toBe('DEVICE_RETIRED');
    expect(getState().devices.find((d) => d.serial === 'CTX-0001')?.summary?.status).toBe('retired');
  });

  it('closing a wizard refreshes the list and the open detail page', async () => {
    setState({ openSerial: 'IMP-0001' });
    await loadDetail('IMP-0001');
    openWizard({ kind: 'recreate', serial: 'IMP-0001' });
    expect(getState().wizard).toEqual({ kind: 'recreate', serial: 'IMP-0001' });
    await dispatch('licences:grant', { serial: 'IMP-0001', feature: 11, quantity: 3 }); // what a wizard changes
    await closeWizard();
    expect(getState().wizard).toBeNull();
    expect(getState().devices.find((d) => d.serial === 'IMP-0001')?.summary?.licences).toBe('11×3');
    expect(getState().detail?.detail?.licences.map((l) => l.quantity)).toEqual([3]);
  });
});

describe('audit log and code inspector', () => {
  it('pages the audit log by beforeId, filters it, and verifies the chain', async () => {
    setAuditFilter({ action: '', subject: '' });
    await loadAudit();
    const first = getState().auditEntries;
    expect(first).toHaveLength(100);
    expect(getState().auditHasMore).toBe(true);
    await loadMoreAudit();
    const all = getState().auditEntries;
    expect(all.length).toBeGreaterThan(100);
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
    expect(all.map((e) => e.id)).toEqual([...all.map((e) => e.id)].sort((a, b) => b - a));
    setAuditFilter({ subject: 'CTX-0001' });
    await loadAudit();
    expect(getState().auditEntries.map((e) => e.action)).toEqual([
      'device.retire',
      'device.move',
      'device.rename',
      'device.add',
    ]);
    await verifyAudit();
    expect(getState().auditVerdict).toMatchObject({ ok: true });
  });

  it('inspects a pasted text and keeps only the newest answer', async () => {
    await Promise.all([inspect('REQ1-AAAA'), inspect('not a code at all')]);
    expect(getState().inspectedText).toBe('not a code at all');
    expect(getState().inspection?.error?.code).toBe('CODE_NOT_RECOGNISED');
  });
});
