// `licence-desk serve`: the authority as an HTTP server, on the data folder's CA and on --database
// (PostgreSQL for several server processes; default the data folder's SQLite file). Prints one
// line once it listens; SIGTERM or SIGINT stop it gracefully: no new connections, requests in
// flight finish, then the database is closed (queued SQLite writes are committed first).
import type { Command } from 'commander';
import { inputError } from '../shared/errors';
import { ensureFirstVendorToken } from '../authority/admin/bootstrap';
import { Authority } from '../authority/authority';
import { openPkcs11Signer } from '../authority/hsm/pkcs11-signer';
import { DEFAULT_RATE_LIMITS, type AppOptions } from '../authority/http/app';
import { listen, type RunningServer } from '../authority/http/server';
import { databaseOption, dataDir } from './context';
import { intOption, print } from './io';

const DEFAULT_PORT = '8417';
const FORCED_EXIT_MS = 15_000;

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
    .option(
      '--issuing-key <uri>',
      "sign with the issuing key in a hardware module: pkcs11:token=…;object=…?module-path=…&pin-source=env:VAR (see 'ca hsm-issue')",
    )
    .action(async (o: ServeOptions, cmd: Command) => {
      const port = intOption(o.port, '--port')!;
      if (port > 65_535) throw inputError('OPTION_INVALID', `--port must be at most 65535, not ${port}.`);
      if ((cmd.optsWithGlobals() as { server?: string }).server)
        throw inputError('OPTION_CONFLICT', 'serve runs an authority; --server is for using one elsewhere.');
      const options = appOptions(o);
      const database = databaseOption(cmd);
      const hsm = o.issuingKey ? await openPkcs11Signer(o.issuingKey) : undefined;
      try {
        const authority = await Authority.open({
          dataDir: dataDir(cmd),
          ...(database ? { database } : {}),
          ...(hsm ? { issuingKey: hsm } : {}),
        });
        await serveUntilSignal(authority, port, o.host, options);
      } finally {
        hsm?.close();
      }
    });
}

async function serveUntilSignal(authority: Authority, port: number, host: string, options: AppOptions): Promise<void> {
  let server: RunningServer;
  try {
    server = await start(authority, port, host, options);
  } catch (e) {
    await authority.close();
    throw e;
  }
  print(`Licence Desk authority listening on ${server.url} (${authority.ctx.db.dialect})`);
  await shutdownSignal();
  await server.close();
  await authority.close();
}

interface ServeOptions {
  issuingKey?: string;
  port: string;
  host: string;
  redeemLimit: string;
  verifyLimit: string;
  trustProxy?: boolean;
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

async function start(authority: Authority, port: number, host: string, opts: AppOptions): Promise<RunningServer> {
  const token = await ensureFirstVendorToken(authority.ctx);
  if (token)
    process.stderr.write(`First vendor token of this database (shown only this once; keep it safe): ${token}\n`);
  try {
    // Unexpected failures are logged to stderr with their cause (LICENCE_DESK_LOG=info logs every request).
    return await listen(authority, {
      ...opts,
      port,
      host,
      logger: { level: process.env.LICENCE_DESK_LOG ?? 'warn', stream: process.stderr },
    });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE')
      throw inputError('PORT_IN_USE', `Port ${port} on ${host} is already in use; choose another with --port.`);
    if ((e as NodeJS.ErrnoException).code === 'EADDRNOTAVAIL')
      throw inputError('OPTION_INVALID', `--host ${host} is not an address of this machine.`);
    throw e;
  }
}

/** Resolves on the first SIGTERM/SIGINT; a second one, or a shutdown that hangs, ends the process. */
function shutdownSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGTERM', stop).off('SIGINT', stop);
      process.once('SIGTERM', () => process.exit(143)).once('SIGINT', () => process.exit(130));
      setTimeout(() => process.exit(1), FORCED_EXIT_MS).unref();
      resolve();
    };
    process.on('SIGTERM', stop).on('SIGINT', stop);
  });
}
