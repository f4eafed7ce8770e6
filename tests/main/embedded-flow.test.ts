// The embedded mode end to end through the dispatcher: register a PBX, grant licences, answer the
// PBX simulator's initialisation code, and the simulator (the PBX's own code) installs the answer.
// Also: the answer check in main really refuses answers a PBX would refuse.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedClient } from '../../src/authority/client';
import { initPbx, installAnswer } from '../../src/device/simulator';
import { createDispatch, type Dispatch } from '../../src/main/ipc/dispatch';
import { clientAuthorityServices } from '../../src/main/services/authority-client';
import { fromPem } from '../../src/licensing/pem';
import type { OpenServices } from '../../src/main/services/types';
import type { Result } from '../../src/shared/result';
import { makeTempDir, openTestServices } from './support';

const SERIAL = 'CTX-BUS-0001';
let temp: ReturnType<typeof makeTempDir>;
let services: OpenServices;
let dispatch: Dispatch;

async function value<T>(p: Promise<Result<unknown>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

async function newPbx(name: string, rootPem: string, serial = SERIAL): Promise<{ dir: string; code: string }> {
  const dir = join(temp.dir, name);
  const { code } = await initPbx(dir, { serial, model: 'comtrexx-business', trustPem: rootPem });
  return { dir, code };
}

beforeAll(async () => {
  temp = makeTempDir();
  services = await openTestServices(join(temp.dir, 'data'));
  dispatch = createDispatch(services);
  await value(dispatch('devices:add', { serial: SERIAL, model: 'comtrexx-business', name: 'Head office' }));
  await value(dispatch('licences:grant', { serial: SERIAL, feature: 10 }));
  await value(dispatch('licences:grant', { serial: SERIAL, feature: 'user-licence', quantity: 8 }));
});
afterAll(async () => {
  await services.close();
  temp.remove();
});

describe('embedded mode through the dispatcher', () => {
  it('creates the authority on first start and lists the device', async () => {
    const devices = await value<{ serial: string }[]>(dispatch('devices:list', {}));
    expect(devices.map((d) => d.serial)).toEqual([SERIAL]);
    const detail = await value<{ licences: { feature: number; quantity: number }[] }>(
      dispatch('devices:get', { serial: SERIAL }),
    );
    expect(detail.licences.map((l) => [l.feature, l.quantity])).toEqual(
      expect.arrayContaining([
        [10, 1],
        [11, 8],
      ]),
    );
  });

  it('answers the PBX simulator, and the simulator installs that answer', async () => {
    const { pem } = await value<{ pem: string }>(dispatch('authority:root', {}));
    const pbx = await newPbx('pbx-1', pem);
    const answer = await value<{
      code: string;
      checkedAgainstRoot: boolean;
      serial: string;
      features: { number: number }[];
    }>(dispatch('certificates:recreate', { serial: SERIAL, initCode: pbx.code }));
    expect(answer.checkedAgainstRoot).toBe(true);
    expect(answer.serial).toBe(SERIAL);
    expect(answer.features.map((f) => f.number)).toEqual([10, 11]);
    const status = await installAnswer(pbx.dir, answer.code);
    expect(status).toMatchObject({ serial: SERIAL, installedGeneration: 1, pending: false });
  });

  it('refuses a code of another PBX than the one chosen, and one of an unknown PBX', async () => {
    const { pem } = await value<{ pem: string }>(dispatch('authority:root', {}));
    const other = await newPbx('pbx-other', pem, 'CTX-UNKNOWN-9');
    expect(await dispatch('certificates:recreate', { serial: SERIAL, initCode: other.code })).toMatchObject({
      ok: false,
      error: { code: 'REQUEST_OTHER_DEVICE' },
    });
    expect(await dispatch('certificates:recreate', { initCode: other.code })).toMatchObject({
      ok: false,
      error: { code: 'DEVICE_NOT_FOUND' },
    });
  });

  it('inspects pasted codes without touching the authority', async () => {
    const { pem } = await value<{ pem: string }>(dispatch('authority:root', {}));
    const pbx = await newPbx('pbx-inspect', pem);
    const good = await value<{ ok: boolean; kind: string; fields: { serial: string } }>(
      dispatch('codes:inspect', { code: pbx.code }),
    );
    expect(good).toMatchObject({ ok: true, kind: 'init', fields: { serial: SERIAL } });
    const bad = await value<{ ok: boolean; error: { code: string } }>(dispatch('codes:inspect', { code: 'LD1-HELLO' }));
    expect(bad.ok).toBe(false);
    expect(bad.error.code).toEqual(expect.any(String));
  });

  it('keeps settings, and refuses a mode change by setting alone without writing anything', async () => {
    expect(await value(dispatch('settings:set', { language: 'de', theme: 'dark' }))).toMatchObject({
      language: 'de',
      theme: 'dark',
      mode: 'embedded',
    });
    expect(await dispatch('settings:set', { mode: 'connected', language: 'ru' })).toMatchObject({
      ok: false,
      error: { code: 'MODE_CHANGE_NEEDS_CONNECT' },
    });
    expect(await value(dispatch('settings:get', {}))).toMatchObject({ language: 'de', mode: 'embedded' });
    expect(await dispatch('settings:set', { serverUrl: 'http://licences.example.com' })).toMatchObject({
      ok: false,
      error: { code: 'INPUT_INVALID' },
    });
  });

  it('describes itself: browser runtime, embedded mode, the catalogue', async () => {
    const info = await value<{ runtime: string; mode: string; catalogue: { models: { id: string }[] } }>(
      dispatch('app:info', {}),
    );
    expect(info).toMatchObject({ runtime: 'browser', mode: 'embedded' });
    expect(info.catalogue.models.map((m) => m.id)).toContain('comtrexx-business');
  });
});

describe('the answer check in main (as the PBX will check)', () => {
  it('refuses an answer from an authority other than the pinned root, and shows no code', async () => {
    // A second authority knows the same PBX, but the PBX (and main) trust the first one's root.
    const otherDir = join(temp.dir, 'other-authority');
    const other = await openTestServices(otherDir);
    try {
      await other.devicesAdd({ serial: SERIAL, model: 'comtrexx-business' });
      await other.licencesGrant({ serial: SERIAL, feature: 10 });
      const { pem } = await services.authorityRoot({});
      const pbx = await newPbx('pbx-2', pem);
      const client = await embeddedClient(otherDir);
      const pinnedRoot = fromPem(pem)[0]!.der;
      const mismatched = createDispatch({
        ...services,
        certificatesRecreate: (i) => clientAuthorityServices('embedded', client, pinnedRoot).certificatesRecreate(i),
      });
      const result = await mismatched('certificates:recreate', { serial: SERIAL, initCode: pbx.code });
      expect(result).toMatchObject({
        ok: false,
        error: {
          code: 'ANSWER_SELF_CHECK_FAILED',
          message: expect.stringMatching(/\[(SIGNATURE_INVALID|CHAIN_UNTRUSTED)\]/),
        },
      });
      expect(JSON.stringify(result)).not.toMatch(/LD1|-----BEGIN/); // no answer code leaks out
      await client.close();
    } finally {
      await other.close();
    }
  });

  it('refuses an answer made for a different initialisation code of the same PBX', async () => {
    const { pem } = await services.authorityRoot({});
    const first = await newPbx('pbx-3', pem);
    const second = await newPbx('pbx-4', pem);
    // A client that answers the second code while the user pasted the first: the binding differs.
    const swapped = {
      call: (_name: string, input: { serial: string }) =>
        services.certificatesRecreate({ ...input, initCode: second.code }),
      close: async () => undefined,
    };
    const pinnedRoot = fromPem(pem)[0]!.der;
    const adapter = clientAuthorityServices('embedded', swapped as never, pinnedRoot);
    await expect(adapter.certificatesRecreate({ serial: SERIAL, initCode: first.code })).rejects.toMatchObject({
      code: 'ANSWER_SELF_CHECK_FAILED',
    });
  });
});
