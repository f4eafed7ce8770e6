// `licence-desk`: every command, one-line errors (in German or Russian when LANG asks for it),
// exit 0 done / 1 refused by a rule / 2 bad input.
import { Command, CommanderError } from 'commander';
import { KIND_EXIT, toErrorValue } from '../shared/errors';
import { APP_VERSION } from '../main/version';
import { authorityCommands } from './authority-commands';
import { codeCommands } from './code-commands';
import { couponCommands } from './coupon-commands';
import { bindingCommands } from './binding-commands';
import { demoCommand } from './demo';
import { uiCommand } from './ui-command';
import { offersCommands } from './offers-commands';
import { pbxCommands } from './pbx-commands';
import { auditCommands } from './audit-commands';
import { adminCommands } from './admin-commands';
import { serveCommand } from './serve-command';
import { quietOnClosedPipe } from './io';
import { errorLine } from './error-line';
import { loginCommands } from './login-commands';
import { backupCommands } from './backup-commands';

export function buildProgram(): Command {
  const program = new Command('licence-desk')
    .description('Licence Desk: licences for PBXs by copy and paste')
    .option('--data <dir>', "authority data folder (default: the desktop app's folder; env LICENCE_DESK_DATA)")
    .option(
      '--database <target>',
      "the embedded authority's database: a SQLite file or postgres://… (default: the data folder's)",
    )
    .option('--server <url>', 'use the authority server at URL instead of the embedded one')
    .option('--token <token>', 'API token for --server (env LICENCE_DESK_TOKEN; default: the one `login` stored)')
    .version(APP_VERSION, '-V, --version', 'print the version of licence-desk')
    .showHelpAfterError(false)
    .configureOutput({ writeErr: (s) => process.stderr.write(s.split('\n')[0] + '\n') })
    .exitOverride();
  authorityCommands(program);
  codeCommands(program);
  pbxCommands(program);
  auditCommands(program);
  couponCommands(program);
  bindingCommands(program);
  offersCommands(program);
  adminCommands(program);
  serveCommand(program);
  loginCommands(program);
  backupCommands(program);
  demoCommand(program);
  uiCommand(program);
  return program;
}

export async function run(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2; // usage errors are bad input; commander printed them
    const err = toErrorValue(e);
    process.stderr.write(`${errorLine(err)}\n`);
    return KIND_EXIT[err.kind];
  }
}

/** The process entry (bin/licence-desk.mjs): run() with the process's own arguments and exit code. */
export async function main(argv: string[]): Promise<void> {
  quietOnClosedPipe();
  process.exitCode = await run(argv);
}
