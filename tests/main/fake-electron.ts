// A stand-in for the 'electron' module (whose binary cannot be installed here), recording what
// the main process asks of it, so the shell's wiring is tested without Electron.
import { EventEmitter } from 'node:events';

type Listener = (...args: unknown[]) => unknown;

export const state = {
  singleInstance: true,
  appPath: '',
  paths: {} as Record<string, string>,
  sandboxEnabled: false,
  privileged: [] as unknown[],
  protocolHandlers: new Map<string, (req: Request) => Promise<Response>>(),
  ipcHandlers: new Map<string, Listener>(),
  windows: [] as FakeWindow[],
  menu: undefined as unknown,
  opened: [] as string[],
  errors: [] as string[],
  quitCalls: 0,
  session: {
    request: undefined as undefined | ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void),
    check: undefined as undefined | ((...a: unknown[]) => boolean),
    device: undefined as undefined | ((...a: unknown[]) => boolean),
    events: new EventEmitter(),
  },
};

const appEvents = new EventEmitter();

export const app = {
  enableSandbox: () => void (state.sandboxEnabled = true),
  setName: () => undefined,
  setPath: (name: string, value: string) => void (state.paths[name] = value),
  getPath: (name: string) => state.paths[name] ?? '',
  getAppPath: () => state.appPath,
  isPackaged: true,
  requestSingleInstanceLock: () => state.singleInstance,
  on: (event: string, fn: Listener) => appEvents.on(event, fn),
  emit: (event: string, ...args: unknown[]) => appEvents.emit(event, ...args),
  whenReady: () => Promise.resolve(),
  quit: () => void state.quitCalls++,
  exit: () => undefined,
};

export const protocol = {
  registerSchemesAsPrivileged: (list: unknown[]) => void state.privileged.push(...list),
  handle: (scheme: string, fn: (req: Request) => Promise<Response>) => void state.protocolHandlers.set(scheme, fn),
};

/** A keychain that works (the secret store's refusals are tested on their own). */
export const safeStorage = {
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptString: (s: string) => Buffer.from(s, 'utf8'),
  decryptString: (b: Buffer) => b.toString('utf8'),
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler: (fn: typeof state.session.request) => void (state.session.request = fn),
    setPermissionCheckHandler: (fn: typeof state.session.check) => void (state.session.check = fn),
    setDevicePermissionHandler: (fn: typeof state.session.device) => void (state.session.device = fn),
    on: (event: string, fn: Listener) => state.session.events.on(event, fn),
  },
};

export class FakeWindow extends EventEmitter {
  url = '';
  shown = false;
  constructor(readonly options: Record<string, unknown> & { webPreferences: Record<string, unknown> }) {
    super();
    state.windows.push(this);
  }
  loadURL(url: string) {
    this.url = url;
    return Promise.resolve();
  }
  maximize() {}
  show() {
    this.shown = true;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
  isMaximized() {
    return false;
  }
  getNormalBounds() {
    return { x: 10, y: 20, width: 1000, height: 700 };
  }
}
export const BrowserWindow = FakeWindow;

export const screen = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] };
export const Menu = { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => void (state.menu = m) };
export const ipcMain = {
  handle: (channel: string, fn: Listener) => void state.ipcHandlers.set(channel, fn),
  removeHandler: (channel: string) => void state.ipcHandlers.delete(channel),
};
export const dialog = { showErrorBox: (_title: string, message: string) => void state.errors.push(message) };
export const shell = {
  openExternal: (url: string) => {
    state.opened.push(url);
    return Promise.resolve();
  },
};

/** A webContents as security.ts sees it: events plus the window-open handler. */
export class FakeContents extends EventEmitter {
  openHandler: ((d: { url: string }) => { action: string }) | undefined;
  setWindowOpenHandler(fn: (d: { url: string }) => { action: string }) {
    this.openHandler = fn;
  }
}

// ---- renderer side, for the preload -------------------------------------------------------------

export const exposed = new Map<string, unknown>();
export const invoked: [string, unknown][] = [];
export const contextBridge = { exposeInMainWorld: (key: string, api: unknown) => void exposed.set(key, api) };
export const ipcRenderer = {
  invoke: (channel: string, input: unknown) => {
    invoked.push([channel, input]);
    return Promise.resolve({ ok: true, value: channel });
  },
};
