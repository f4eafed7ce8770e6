// The main window: every web preference that matters for security stated explicitly (not left to
// defaults that differ between Electron versions), and its size remembered in the settings.
import { BrowserWindow, screen } from 'electron';
import { APP_ENTRY } from '../policy/urls';
import { fitBounds } from '../policy/window-bounds';
import type { SettingsStore } from '../services/settings';

export interface WindowOptions {
  preload: string;
  /** Linux shows this in the title bar and task switcher; Windows and macOS take the packaged app's icon. */
  icon: string;
  settings: SettingsStore;
  developer: boolean;
}

export function createMainWindow(opts: WindowOptions): BrowserWindow {
  const bounds = fitBounds(
    opts.settings.windowBounds(),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const win = new BrowserWindow({
    ...bounds,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Licence Desk',
    ...(process.platform === 'linux' ? { icon: opts.icon } : {}),
    webPreferences: {
      preload: opts.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Middle-click would otherwise try to open a new window (denied anyway by setWindowOpenHandler).
      disableBlinkFeatures: 'Auxclick',
      devTools: opts.developer,
    },
  });
  if (bounds.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  rememberBounds(win, opts.settings);
  void win.loadURL(APP_ENTRY);
  return win;
}

/** Saved on close only: resizing writes nothing, and a crash merely forgets the last change. */
function rememberBounds(win: BrowserWindow, settings: SettingsStore): void {
  win.on('close', () => {
    const b = win.getNormalBounds();
    try {
      settings.setWindowBounds({ x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() });
    } catch {
      // Odd bounds the schema refuses (a huge virtual desktop): keep the previous ones.
    }
  });
}
