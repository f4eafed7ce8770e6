// `licence-desk serve`: the authority as an HTTP server, on the data folder's CA and on --database
// (PostgreSQL for several server processes; default the data folder's SQLite file). The command
// line only: the server (fastify) is loaded by the action, from serve-run.ts, so no other command
// pays for it at start.
import type { Command } from 'commander';
import { err } from '../shared/errors';
import type { AppOptions } from '../authority/http/app';
import { DEFAULT_RATE_LIMITS } from '../authority/http/rate-limits';
import { databaseOption, dataDir } from './context';
import { intOption } from './io';

const DEFAULT_PORT = '8417';

interface ServeOptions {
  port: string;
  host: string;
  redeemLimit: string;
  verifyLimit: string;
  trustProxy?: boolean;
  /** May carry a password: LICENCE_DESK_SMTP keeps it out of the process list. */
  smtp?: string;
  mailFrom: string;
  /** A pkcs11: URI: the issuing key stays in the hardware module. */
  issuingKey?: string;
}

export function serveCommand(program: Command): void {
  program
    .command('serve')
    .description(
      "run the authority as an HTTP server (--database postgres://… or FILE; default the data folder's SQLite file)",
    )
    .option('--port <port>', 'TCP port (0: any free port)', DEFAULT_PORT)
    .option('--host <address>', 'address to listen on (0.0.0.0 for every interface)', '127.0.0.1')
    .option(
      '--redeem-limit <n>',
      'coupon redemptions per minute and token (0: no limit)',
      String(DEFAULT_RATE_LIMITS.redeem.max),
    )
    .option(
      '--verify-limit <n>',
      'PBX online checks per minute and client address (0: no limit)',
      String(DEFAULT_RATE_LIMITS.verify.max),
    )
    .option('--trust-proxy', 'behind a reverse proxy: client addresses from X-Forwarded-For')
    .option('--smtp <url>', 'mail server for recovery mails, smtp(s)://[user:pass@]host[:port] (or LICENCE_DESK_SMTP)')
    .option('--mail-from <address>', 'sender of recovery mails', 'Licence Desk <licence-desk@localhost>')
    .option(
      '--issuing-key <uri>',
      "sign with the issuing key in a hardware module: pkcs11:token=…;object=…?module-path=…&pin-source=env:VAR (see 'ca hsm-issue')",
    )
    .action(async (o: ServeOptions, cmd: Command) => {
      const port = intOption(o.port, '--port')!;
      if (port > 65_535) throw err.OPTION_INVALID({ variant: 'portRange', port });
      if ((cmd.optsWithGlobals() as { server?: string }).server) throw err.OPTION_CONFLICT({ variant: 'serveServer' });
      const options = appOptions(o);
      const database = databaseOption(cmd);
      const { serve } = await import('./serve-run');
      await serve({
        dataDir: dataDir(cmd),
        ...(database ? { database } : {}),
        port,
        host: o.host,
        options,
        smtp: o.smtp ?? process.env.LICENCE_DESK_SMTP,
        mailFrom: o.mailFrom,
        ...(o.issuingKey ? { issuingKey: o.issuingKey } : {}),
      });
    });
}

function appOptions(o: ServeOptions): AppOptions {
  return {
    trustProxy: !!o.trustProxy,
    rateLimits: {
      redeem: { ...DEFAULT_RATE_LIMITS.redeem, max: intOption(o.redeemLimit, '--redeem-limit')! },
      verify: { ...DEFAULT_RATE_LIMITS.verify, max: intOption(o.verifyLimit, '--verify-limit')! },
    },
  };
}
