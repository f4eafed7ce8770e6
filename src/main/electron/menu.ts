// Installs the native menu; its content is policy/menu-template.ts.
import { Menu } from 'electron';
import { menuTemplate } from '../policy/menu-template';

export function installMenu(developer: boolean): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform, developer)));
}
