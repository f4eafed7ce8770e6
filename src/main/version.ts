// Name and version from package.json, for app:info in Electron and in browser mode alike.
import pkg from '../../package.json' with { type: 'json' };

export const APP_NAME = 'Licence Desk';
export const APP_VERSION: string = pkg.version;
