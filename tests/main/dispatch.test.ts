// Every channel, called through the one dispatcher that IPC and browser mode share, with each kind
// of bad input: the answer is a validation error envelope, and no service function ran at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, type Channel } from '../../src/shared/ipc/contract';
import { createDispatch, type Dispatch } from '../../src/main/ipc/dispatch';
import { CASES, counted, makeTempDir, openTestServices, SERIAL, type CountedServices } from './support';

const TEN_MB = 'a'.repeat(10 * 1024 * 1024);
const VALIDATION = ['INPUT_INVALID', 'INPUT_TOO_LARGE', 'INPUT_FORBIDDEN_KEY'];

let temp: ReturnType<typeof makeTempDir>;
let counter: CountedServices;
let dispatch: Dispatch;

beforeAll(async () => {
  temp = makeTempDir();
  counter = counted(await openTestServices(temp.dir));
  dispatch = createDispatch(counter.services);
});
afterAll(async () => {
  await counter.services.close();
  temp.remove();
});

/** Valid JSON text for the channel's input with extra raw members spliced in (e.g. "__proto__"). */
function withRawMembers(valid: Record<string, unknown>, members: string): unknown {
  const body = JSON.stringify(valid).slice(1, -1);
  return JSON.parse(`{${body}${body ? ',' : ''}${members}}`);
}

function badInputs(channel: Channel): [string, unknown, string][] {
  const { valid, wrongType, required } = CASES[channel];
  const firstString = Object.keys(valid).find((k) => typeof valid[k] === 'string') ?? 'padding';
  const cases: [string, unknown, string][] = [
    ['not an object (string)', 'devices', 'INPUT_INVALID'],
    ['not an object (number)', 42, 'INPUT_INVALID'],
    ['not an object (array)', [valid], 'INPUT_INVALID'],
    ['null', null, 'INPUT_INVALID'],
    ['an extra field', { ...valid, extra: 1 }, 'INPUT_INVALID'],
    ['a 10 MB string', { ...valid, [firstString]: TEN_MB }, 'INPUT_TOO_LARGE'],
    ['a __proto__ pollution object', withRawMembers(valid, '"__proto__":{"polluted":1}'), 'INPUT_FORBIDDEN_KEY'],
    [
      'a nested constructor.prototype key',
      withRawMembers(valid, '"x":{"constructor":{"prototype":{"polluted":1}}}'),
      'INPUT_FORBIDDEN_KEY',
    ],
    ['nesting 50 levels deep', { ...valid, deep: JSON.parse('['.repeat(50) + ']'.repeat(50)) }, 'INPUT_TOO_LARGE'],
    ['a 10-million-entry array', { ...valid, many: new Array(10_000_000) }, 'INPUT_TOO_LARGE'],
    [
      'a binary buffer (not plain data)',
      { ...valid, [firstString]: new Uint8Array(10 * 1024 * 1024) },
      'INPUT_INVALID',
    ],
    ['a Date (not plain data)', { ...valid, [firstString]: new Date(0) }, 'INPUT_INVALID'],
  ];
  if (wrongType) cases.push(['a field of the wrong type', { ...valid, ...wrongType }, 'INPUT_INVALID']);
  if (required) {
    const rest = { ...valid };
    delete rest[required];
    cases.push([`the required field "${required}" missing`, rest, 'INPUT_INVALID']);
  }
  return cases;
}

describe.each(CHANNELS.map((c) => [c]))('%s refuses bad input and does nothing', (channel) => {
  it.each(badInputs(channel))('%s', async (_what, input, code) => {
    const devicesBefore = await counter.services.devicesList({});
    const settingsBefore = await counter.services.settingsGet({});
    counter.calls.length = 0;

    const result = await dispatch(channel, input);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(VALIDATION).toContain(result.error.code);
    expect(Object.keys(result.error).sort()).toEqual(['code', 'message', 'params']);
    expect(result.error.message.length).toBeLessThan(500); // the 10 MB input is never echoed back
    expect(counter.calls).toEqual([]); // no service function ran
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await counter.services.devicesList({})).toEqual(devicesBefore);
    expect(await counter.services.settingsGet({})).toEqual(settingsBefore);
  });
});

describe('dispatch', () => {
  it('refuses channels that do not exist, including names on Object.prototype', async () => {
    counter.calls.length = 0;
    for (const name of ['devices:delete', 'constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const result = await dispatch(name, {});
      expect(result).toEqual({
        ok: false,
        error: { params: {}, code: 'CHANNEL_UNKNOWN', message: expect.any(String) },
      });
    }
    expect(counter.calls).toEqual([]);
  });

  it('passes valid input to the service and returns a value envelope', async () => {
    counter.calls.length = 0;
    const result = await dispatch('devices:add', CASES['devices:add'].valid);
    expect(result).toMatchObject({ ok: true, value: { serial: SERIAL, model: 'comtrexx-vm', name: 'Office' } });
    expect(counter.calls).toEqual(['devicesAdd']);
  });

  it('turns a refusal by the authority into {code, message}, without a stack', async () => {
    const result = await dispatch('devices:add', CASES['devices:add'].valid); // the same serial again
    expect(result).toEqual({
      ok: false,
      error: { code: 'DEVICE_EXISTS', message: expect.any(String), params: { serial: SERIAL, spelt: '' } },
    });
    expect(JSON.stringify(result)).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('strips fields the contract does not list from what goes back', async () => {
    const spy = createDispatch({
      ...counter.services,
      appInfo: async () => ({ ...(await counter.services.appInfo({})), secretKey: 'PRIVATE' }),
    });
    const result = await spy('app:info', {});
    expect(result.ok).toBe(true);
    expect(JSON.stringify(result)).not.toContain('PRIVATE');
  });

  it('reports a service result of the wrong shape as OUTPUT_INVALID, never passing it on', async () => {
    const broken = createDispatch({ ...counter.services, settingsGet: async () => ({ mode: 'nonsense' }) as never });
    const result = await broken('settings:get', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'OUTPUT_INVALID' } });
    expect(JSON.stringify(result)).not.toContain('nonsense');
  });

  it('turns an unexpected exception into INTERNAL without its stack', async () => {
    const failing = createDispatch({
      ...counter.services,
      settingsGet: async () => {
        throw new Error('disk on fire');
      },
    });
    const result = await failing('settings:get', {});
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'INTERNAL',
        message: 'Unexpected failure: disk on fire',
        params: { variant: 'unexpected', reason: 'disk on fire' },
      },
    });
  });
});
