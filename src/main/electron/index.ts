// Electron main process entry (bundled to out/main/index.cjs). Deliberately thin: it wires
// Electron to the plain services and policies, which are tested without Electron.
import { join } from 'node:path';
import { app, BrowserWindow, dialog, session } from 'electron';
import { defaultDataDir } from '../../authority/data-dir';
import { defaultCatalogue } from '../../licensing/catalogue';
import { toErrorValue } from '../../shared/errors';
import { handleAll } from './ipc-handle';
import { installMenu } from './menu';
import { shopAllowList } from '../policy/urls';
import { registerAppScheme, serveApp } from './protocol';
import { hardenContents, hardenSession } from './security';
import { openServices } from '../services/open';
import { SettingsStore } from '../services/settings';
import type { OpenServices } from '../services/types';
import { APP_NAME, APP_VERSION } from '../version';
import { createMainWindow } from './window';

// Before "ready": the scheme's privileges, sandboxing for every renderer, and the shared
// user-data folder (the CLI's default --data), so app and CLI see the same authority.
registerAppScheme();
app.enableSandbox();
app.setName(APP_NAME);
app.setPath('userData', defaultDataDir());

const developer = !app.isPackaged;
const allowList = shopAllowList(defaultCatalogue());
let win: BrowserWindow | undefined;
let services: OpenServices | undefined;

if (!app.requestSingleInstanceLock()) {
  // Another instance owns the database and the window; it is told to come to the front.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, allowList));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => closeServices(event));
  app.whenReady().then(start).catch(fail);
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  const root = app.getAppPath();
  serveApp(join(root, 'out', 'renderer'));
  const dataDir = app.getPath('userData');
  const settings = new SettingsStore(dataDir);
  services = await openServices({
    dataDir,
    runtime: 'electron',
    name: APP_NAME,
    version: APP_VERSION,
    settings,
    pickFile: pickBackupFile,
  });
  handleAll(services);
  installMenu(developer);
  win = createMainWindow({
    preload: join(root, 'out', 'preload', 'index.cjs'),
    icon: join(root, 'assets', 'icons', '256x256.png'),
    settings,
    developer,
  });
  win.on('closed', () => (win = undefined));
}

/** Drains pending database writes before the process ends. */
function closeServices(event: Electron.Event): void {
  const open = services;
  if (!open) return;
  services = undefined;
  event.preventDefault();
  open
    .close()
    .catch(() => undefined)
    .finally(() => app.quit());
}

function fail(e: unknown): void {
  const { message } = toErrorValue(e);
  dialog.showErrorBox('Licence Desk cannot start', message);
  app.exit(1);
}

/** Backups: the system's save/open dialog, so the renderer never names a path in the desktop app. */
async function pickBackupFile(kind: 'backup' | 'restore'): Promise<string | undefined> {
  const parent = BrowserWindow.getFocusedWindow();
  const filters = [{ name: 'Licence Desk backup', extensions: ['ldbackup'] }];
  if (kind === 'backup') {
    const stamp = new Date().toISOString().slice(0, 10);
    const options = { defaultPath: `licence-desk-${stamp}.ldbackup`, filters };
    const r = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    return r.canceled ? undefined : r.filePath;
  }
  const options = { filters, properties: ['openFile' as const] };
  const r = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  return r.canceled ? undefined : r.filePaths[0];
}
