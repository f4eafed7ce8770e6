// What `licence-desk serve` runs once its options are checked (serve-command.ts): opens the
// authority, listens, prints one line; SIGTERM or SIGINT stop it gracefully: no new connections,
// requests in flight finish, then the database is closed (queued SQLite writes are committed first).
// Reached only by a dynamic import, so fastify is loaded by this command alone.
import { err } from '../shared/errors';
import { ensureFirstVendorToken } from '../authority/admin/bootstrap';
import { Authority } from '../authority/authority';
import type { AppOptions } from '../authority/http/app';
import { listen, type RunningServer } from '../authority/http/server';
import { smtpMailer } from '../authority/mail/smtp';
import { openPkcs11Signer } from '../authority/hsm/pkcs11-signer';
import { print } from './io';
import { cliSealer } from './sealer';

const FORCED_EXIT_MS = 15_000;

export interface ServeRun {
  dataDir: string;
  database?: string;
  port: number;
  host: string;
  options: AppOptions;
  /** Recovery mails go through this SMTP URL; without it recovery says nothing was sent. */
  smtp?: string | undefined;
  mailFrom: string;
  /** A pkcs11: URI for the issuing key (serve --issuing-key). */
  issuingKey?: string;
}

export async function serve(r: ServeRun): Promise<void> {
  const hsm = r.issuingKey ? await openPkcs11Signer(r.issuingKey) : undefined;
  try {
    await serveWith(r, hsm);
  } finally {
    hsm?.close();
  }
}

async function serveWith(r: ServeRun, hsm: Awaited<ReturnType<typeof openPkcs11Signer>> | undefined): Promise<void> {
  const mailer = r.smtp ? smtpMailer(r.smtp, r.mailFrom) : undefined;
  const authority = await Authority.open({
    dataDir: r.dataDir,
    ...(r.database ? { database: r.database } : {}),
    ...(mailer ? { mailer } : {}),
    ...(hsm ? { issuingKey: hsm } : {}),
    sealer: await cliSealer(r.dataDir),
  });
  let server: RunningServer;
  try {
    server = await start(authority, r.port, r.host, r.options);
  } catch (e) {
    await authority.close();
    mailer?.close();
    throw e;
  }
  print(`Licence Desk authority listening on ${server.url} (${authority.ctx.db.dialect})`);
  await shutdownSignal();
  await server.close();
  await authority.close();
  mailer?.close();
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
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') throw err.PORT_IN_USE({ variant: 'hostPort', port, host });
    if ((e as NodeJS.ErrnoException).code === 'EADDRNOTAVAIL') throw err.OPTION_INVALID({ variant: 'host', host });
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
