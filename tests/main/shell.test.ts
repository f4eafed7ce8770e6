// The Electron shell (src/main/electron/index.ts and friends) against a recording stand-in for 'electron':
// the web preferences, permission and navigation handlers, the app:// protocol with its CSP, and
// IPC handlers that answer our page only. Electron's binary cannot be installed here; this checks
// the wiring, the Playwright _electron smoke test checks the real thing where it exists.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../src/shared/ipc/contract';
import { CSP } from '../../src/main/policy/csp';
import { FakeContents, state, app } from './fake-electron';
import { makeTempDir } from './support';

vi.mock('electron', () => import('./fake-electron'));

let temp: ReturnType<typeof makeTempDir>;

beforeAll(async () => {
  temp = makeTempDir('ld-shell-');
  state.appPath = join(temp.dir, 'app');
  mkdirSync(join(state.appPath, 'out', 'renderer'), { recursive: true });
  writeFileSync(join(state.appPath, 'out', 'renderer', 'index.html'), '<!doctype html><title>Licence Desk</title>');
  writeFileSync(join(temp.dir, 'app', 'out', 'secret.txt'), 'SECRET');
  vi.stubEnv('LICENCE_DESK_DATA', join(temp.dir, 'data'));
  await import('../../src/main/electron/index');
  await vi.waitFor(() => expect(state.windows).toHaveLength(1), { timeout: 20_000 });
});

afterAll(async () => {
  // will-quit drains the database and then quits again.
  const quitsBefore = state.quitCalls;
  app.emit('will-quit', { preventDefault: () => undefined });
  await vi.waitFor(() => expect(state.quitCalls).toBe(quitsBefore + 1));
  vi.unstubAllEnvs();
  temp.remove();
});

const event = (url: string, top = true) => ({ senderFrame: { url, parent: top ? null : {} } });

describe('Electron shell', () => {
  it('registers app:// as a privileged standard, secure scheme and sandboxes every renderer', () => {
    expect(state.privileged).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
    expect(state.sandboxEnabled).toBe(true);
    expect(state.paths.userData).toBe(join(temp.dir, 'data'));
  });

  it('opens one window from app:// with the secure web preferences and our preload', () => {
    const [win] = state.windows;
    expect(win!.url).toBe('app://licence-desk/index.html');
    expect(win!.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      devTools: false,
      preload: join(state.appPath, 'out', 'preload', 'index.cjs'),
    });
    expect(win!.options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(state.menu).toBeDefined();
  });

  it('remembers the window size in the settings when it closes', async () => {
    state.windows[0]!.emit('close');
    const { SettingsStore } = await import('../../src/main/services/settings');
    expect(new SettingsStore(join(temp.dir, 'data')).windowBounds()).toEqual({
      x: 10,
      y: 20,
      width: 1000,
      height: 700,
      maximized: false,
    });
  });

  it('denies every permission request and check', () => {
    const answers: boolean[] = [];
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal'])
      state.session.request!({}, p, (ok) => answers.push(ok));
    expect(answers).toEqual([false, false, false, false, false]);
    expect(state.session.check!({}, 'media', 'app://licence-desk', {})).toBe(false);
    expect(state.session.device!({})).toBe(false);
  });

  it('blocks navigation, redirects, new windows and <webview> in every webContents', () => {
    const contents = new FakeContents();
    app.emit('web-contents-created', {}, contents);
    const prevented: string[] = [];
    const ev = (name: string) => ({ preventDefault: () => prevented.push(name) });
    contents.emit('will-navigate', ev('will-navigate'), 'https://evil.example/');
    contents.emit('will-navigate', ev('will-navigate-app'), 'app://licence-desk/other.html');
    contents.emit('will-redirect', ev('will-redirect'), 'https://evil.example/');
    contents.emit('will-attach-webview', ev('will-attach-webview'), {}, {});
    expect(prevented).toEqual(['will-navigate', 'will-navigate-app', 'will-redirect', 'will-attach-webview']);
    expect(contents.openHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(state.opened).toEqual([]);
  });

  it('serves the renderer on app:// with the CSP, and nothing outside it', async () => {
    const handler = state.protocolHandlers.get('app')!;
    const page = await handler(new Request('app://licence-desk/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CSP);
    expect(await page.text()).toContain('<title>Licence Desk</title>');
    for (const url of [
      'app://licence-desk/../secret.txt',
      'app://licence-desk/%2e%2e/secret.txt',
      'app://other-host/index.html',
    ]) {
      const r = await handler(new Request(url));
      expect(r.status, url).toBeGreaterThanOrEqual(400);
      expect(await r.text()).not.toContain('SECRET');
    }
  });

  it('answers every contract channel over IPC, for our page only', async () => {
    expect([...state.ipcHandlers.keys()].sort()).toEqual([...CHANNELS].sort());
    const invoke = state.ipcHandlers.get('app:info')!;
    expect(await invoke(event('app://licence-desk/index.html'), {})).toMatchObject({
      ok: true,
      value: { runtime: 'electron', mode: 'embedded' },
    });
    for (const refused of [
      event('https://evil.example/'),
      event('app://licence-desk/index.html', false),
      event('file:///tmp/index.html'),
      { senderFrame: null },
    ]) {
      expect(await invoke(refused, {})).toEqual({
        ok: false,
        error: { code: 'SENDER_REFUSED', message: expect.any(String), params: {} },
      });
    }
  });

  it('refuses an IPC call from another origin before anything is done', async () => {
    const add = state.ipcHandlers.get('devices:add')!;
    const list = state.ipcHandlers.get('devices:list')!;
    expect(await add(event('https://evil.example/'), { serial: 'EVIL1', model: 'comtrexx-vm' })).toMatchObject({
      ok: false,
      error: { code: 'SENDER_REFUSED' },
    });
    expect(await list(event('app://licence-desk/index.html'), {})).toEqual({ ok: true, value: [] });
    expect(await add(event('app://licence-desk/index.html'), { serial: 'GOOD1', model: 'comtrexx-vm' })).toMatchObject({
      ok: true,
    });
  });
});
