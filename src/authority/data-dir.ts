// Where the embedded authority lives: the same per-user folder Electron's app.getPath('userData')
// gives the desktop app ("Licence Desk" under the OS's config folder), so CLI and app share it.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_FOLDER = 'Licence Desk';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.LICENCE_DESK_DATA) return env.LICENCE_DESK_DATA;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER);
}
