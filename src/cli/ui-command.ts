// `licence-desk ui [--port P]` (with the CLI's global --data DIR): browser mode from the command
// line; src/main/browser-mode/ui-command.ts runs it, loaded by the action alone (fastify and the
// desktop's services are no other command's start-up cost).
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { defaultDataDir } from '../authority/data-dir';
import { err } from '../shared/errors';

/** out/renderer of this checkout: two folders up from src/cli/ and from the bundle's out/cli/ alike. */
const rendererDir = (): string => fileURLToPath(new URL('../../out/renderer', import.meta.url));

export function parsePort(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) throw err.OPTION_INVALID({ variant: 'port', value });
  return Number(value);
}

export function uiCommand(program: Command): void {
  program
    .command('ui')
    .description(
      'serve the Licence Desk window in your browser, on 127.0.0.1 only (for computers where Electron cannot run)',
    )
    .option('--port <port>', 'port on 127.0.0.1 (default: any free port)')
    .action(async (o: { port?: string }, cmd: Command) => {
      const dataDir = (cmd.optsWithGlobals().data as string | undefined) ?? defaultDataDir();
      const port = parsePort(o.port);
      // Loaded on use: every other command starts without browser mode's server and services.
      const { runUi } = await import('../main/browser-mode/ui-command');
      const { ttyPrompt } = await import('./prompt');
      const ask = ttyPrompt();
      await runUi({
        dataDir,
        rendererDir: rendererDir(),
        ...(port !== undefined ? { port } : {}),
        ...(ask ? { askPassphrase: ask } : {}),
      });
    });
}
