// The only file that imports ipcMain (lint enforces it). Each channel is answered only for our own
// page's top frame, then goes through the same validation path as browser mode (runChannel).
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { errorResult, type Result } from '../../shared/result';
import { err } from '../../shared/errors';
import { CHANNELS, type Channel, type Output } from '../../shared/ipc/contract';
import { isTrustedSender, type SenderInfo } from '../policy/urls';
import type { Services } from '../services/types';
import { implOf, runChannel, type Impl } from '../ipc/dispatch';

/** What the sender check reads from an IPC event; a destroyed frame has no URL and is refused. */
export function senderOf(event: IpcMainInvokeEvent): SenderInfo {
  const frame = event.senderFrame;
  return { url: frame?.url, isTopFrame: !!frame && frame.parent === null };
}

export function handle<K extends Channel>(channel: K, impl: Impl<K>): void {
  ipcMain.handle(channel, (event, raw: unknown): Promise<Result<Output<K>>> => {
    if (!isTrustedSender(senderOf(event))) {
      return Promise.resolve(errorResult('SENDER_REFUSED', err.SENDER_REFUSED().message, {}));
    }
    return runChannel(channel, impl, raw);
  });
}

/** Registers every contract channel; returns a function that removes them again. */
export function handleAll(services: Services): () => void {
  for (const channel of CHANNELS) handle(channel, implOf(services, channel));
  return () => CHANNELS.forEach((channel) => ipcMain.removeHandler(channel));
}
