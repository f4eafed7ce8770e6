// The preload (sandboxed, bundled to out/preload/index.cjs): exposes exactly one function per
// contract channel as window.licenceDesk, each a plain ipcRenderer.invoke. ipcRenderer itself, its
// events and Electron's objects never reach the page. Validation happens in main, not here: a
// compromised page could skip anything the preload checked.
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, methodOf } from '../shared/ipc/channels';

const api: Record<string, (input?: unknown) => Promise<unknown>> = {};
for (const channel of CHANNELS) {
  // Only the input crosses; the event object and the IPC machinery stay on this side.
  api[methodOf(channel)] = (input?: unknown) => ipcRenderer.invoke(channel, input ?? {});
}

contextBridge.exposeInMainWorld('licenceDesk', Object.freeze(api));
