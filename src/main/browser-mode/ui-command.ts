// What `licence-desk ui` runs (its command line is src/cli/ui-command.ts) and what `npm start` falls
// back to: browser mode on its own services. Prints exactly one line with the address to open, then
// serves until SIGINT or SIGTERM and closes the authority cleanly (pending database writes are drained).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { err } from '../../shared/errors';
import { createDispatch } from '../ipc/dispatch';
import { openServices } from '../services/open';
import { APP_NAME, APP_VERSION } from '../version';
import { startBrowserServer } from './server';

export interface UiOptions {
  dataDir: string;
  port?: number;
  rendererDir?: string;
  /** Asks for the keys' passphrase on the terminal where no keychain answers. */
  askPassphrase?: (question: string) => Promise<string>;
}

export interface RunningUi {
  url: string;
  close(): Promise<void>;
}

/** out/renderer of this checkout (the sources run through tsx; the renderer is built by vite). */
export const defaultRendererDir = (): string => fileURLToPath(new URL('../../../out/renderer', import.meta.url));

export async function startUi(opts: UiOptions): Promise<RunningUi> {
  const rendererDir = opts.rendererDir ?? defaultRendererDir();
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw err.UI_NOT_BUILT({ rendererDir });
  }
  const services = await openServices({
    dataDir: opts.dataDir,
    runtime: 'browser',
    name: APP_NAME,
    version: APP_VERSION,
    ...(opts.askPassphrase ? { askPassphrase: opts.askPassphrase } : {}),
  });
  try {
    const server = await startBrowserServer({
      dispatch: createDispatch(services),
      rendererDir,
      ...(opts.port !== undefined ? { port: opts.port } : {}),
    });
    return {
      url: server.url,
      close: async () => {
        await server.close();
        await services.close();
      },
    };
  } catch (e) {
    await services.close();
    throw e;
  }
}

export function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const on = (signal: NodeJS.Signals) => {
      process.off('SIGINT', on).off('SIGTERM', on);
      resolve(signal);
    };
    process.on('SIGINT', on).on('SIGTERM', on);
  });
}

export async function runUi(
  opts: UiOptions,
  print: (line: string) => void = (l) => void process.stdout.write(`${l}\n`),
): Promise<void> {
  const ui = await startUi(opts);
  print(`Licence Desk is running at ${ui.url}`);
  await untilSignal();
  await ui.close();
}
