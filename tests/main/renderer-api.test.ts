// The renderer's API: the preload's object in Electron, else the same functions over fetch with
// the token from the URL fragment; failures become envelopes like every other error.
import { describe, expect, it } from 'vitest';
import { browserApi, getApi, tokenFromFragment } from '../../src/renderer/api';
import { CHANNELS, methodOf, type Api } from '../../src/shared/ipc/contract';

const TOKEN = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ';

describe('browser-mode API shim', () => {
  it('reads the token from the fragment only in the expected form', () => {
    expect(tokenFromFragment(`#token=${TOKEN}`)).toBe(TOKEN);
    expect(tokenFromFragment(`#view=devices&token=${TOKEN}`)).toBe(TOKEN);
    for (const h of ['', '#', '#token=', '#token=short', `#token=${TOKEN}<script>`, `#xtoken=${TOKEN}`])
      expect(tokenFromFragment(h), h).toBeUndefined();
  });

  it('has one function per channel and posts JSON with the bearer token to /api/<channel>', async () => {
    const seen: [string, RequestInit][] = [];
    const api = browserApi(TOKEN, async (url, init) => {
      seen.push([url, init]);
      return new Response(JSON.stringify({ ok: true, value: [] }));
    });
    expect(Object.keys(api).sort()).toEqual(CHANNELS.map(methodOf).sort());
    expect(await api.devicesList()).toEqual({ ok: true, value: [] });
    const [url, init] = seen[0]!;
    expect(url).toBe('/api/devices:list');
    expect(init).toMatchObject({
      method: 'POST',
      body: '{}',
      credentials: 'omit',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
    });
  });

  it('answers with envelopes when the token is missing, the server is gone or answers garbage', async () => {
    expect(
      await browserApi(undefined, async () => {
        throw new Error('unused');
      }).appInfo(),
    ).toMatchObject({ ok: false, error: { code: 'TOKEN_MISSING' } });
    expect(
      await browserApi(TOKEN, async () => {
        throw new TypeError('fetch failed');
      }).appInfo(),
    ).toMatchObject({ ok: false, error: { code: 'UI_SERVER_UNREACHABLE' } });
    expect(await browserApi(TOKEN, async () => new Response('<html>', { status: 502 })).appInfo()).toMatchObject({
      ok: false,
      error: { code: 'UI_SERVER_GARBLED', message: expect.stringContaining('502') },
    });
  });

  it("prefers the preload's API when there is one", () => {
    const preload = { appInfo: async () => ({ ok: true }) } as unknown as Api;
    expect(getApi({ licenceDesk: preload } as unknown as Window)).toBe(preload);
  });
});
