// Electron-side enforcement of the decisions in policy/: no permissions, no navigation, no new
// windows, no <webview>; allow-listed shop links go to the system browser. Applied to every
// webContents the app ever creates, not only the main window.
import { shell, type Session, type WebContents } from 'electron';
import { decideNavigation } from '../policy/urls';

export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.on('will-download', (event) => event.preventDefault());
}

export function hardenContents(contents: WebContents, allowList: readonly string[]): void {
  const openIfAllowed = (url: string): void => {
    const decision = decideNavigation(url, allowList);
    if (decision.action === 'open-external') void shell.openExternal(decision.url);
  };
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    openIfAllowed(url);
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openIfAllowed(url);
    return { action: 'deny' };
  });
}
