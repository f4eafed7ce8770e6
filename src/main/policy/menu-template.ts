// The native menu as data, built from Electron's standard roles so the usual shortcuts (and
// their platform differences) come from Electron itself. Paste matters most: codes are pasted.
// Type-only Electron import: this file runs under vitest, where Electron does not exist.
import type { MenuItemConstructorOptions } from 'electron';

export function menuTemplate(platform: NodeJS.Platform, developer: boolean): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const view: MenuItemConstructorOptions[] = [
    // Reload and developer tools only for developers: a packaged app has no use for them.
    ...(developer
      ? ([
          { role: 'reload' },
          { role: 'forceReload' },
          { role: 'toggleDevTools' },
          { type: 'separator' },
        ] as MenuItemConstructorOptions[])
      : []),
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  return [
    ...(mac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
    ...(mac
      ? []
      : [{ role: 'help', submenu: [{ role: 'about', label: 'About Licence Desk' }] } as MenuItemConstructorOptions]),
  ];
}
