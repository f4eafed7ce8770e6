// `pbx verify`: the simulated PBX's regular online check. With --server it POSTs to
// URL/v1/verification.check as a PBX would (no token needed); without, it asks the embedded
// authority in --data, so the whole loop also works offline in a terminal.
import type { Command } from 'commander';
import type { OnlineStatus } from '../device/grace';
import { verifyOnline, type VerifyOutcome } from '../device/verify';
import { err, LdError } from '../shared/errors';
import { withClient } from './context';
import { print, printJson } from './io';
import { CLOCK_HELP, parseClock } from './pbx-format';

const minute = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

export function formatOnline(o: OnlineStatus): string[] {
  const last = o.lastCheck
    ? `last check ${minute(o.lastCheck.checkedAt)} (${o.lastCheck.status})`
    : 'never checked online';
  const lines = [
    `Online: ${o.state}; ${last}; next check due ${minute(o.checkDue)}; grace until ${minute(o.graceUntil)}`,
  ];
  if (o.lastAttempt && !o.lastAttempt.ok)
    lines.push(`  The last attempt (${minute(o.lastAttempt.at)}) failed: ${o.lastAttempt.code ?? 'unknown error'}`);
  if (o.clockBehind)
    lines.push(
      "  Warning: this PBX's clock is behind the trusted time (the newest time it has seen, e.g. the server's); set the clock. Licences are measured against the trusted time, so setting the clock back gains nothing.",
    );
  return lines;
}

export function formatOutcome(r: VerifyOutcome): string[] {
  const serial = r.serial;
  const head =
    r.outcome === 'verified'
      ? `${serial}: verified online, the certificate is ${r.receipt!.status} (server time ${minute(r.receipt!.serverTime)})`
      : r.outcome === 'unreachable'
        ? `${serial}: the licence server could not be reached: ${r.error!.message}`
        : r.outcome === 'refused'
          ? `${serial}: the licence server refused the check: ${r.error!.message}`
          : `${serial}: the server's answer was not accepted: ${r.error!.message}`;
  const offset =
    r.clockOffsetMs !== undefined && Math.abs(r.clockOffsetMs) >= 60_000
      ? [
          `  This PBX's clock differs from the server's by ${Math.round(r.clockOffsetMs / 60_000)} min (positive: behind).`,
        ]
      : [];
  return [head, ...offset, ...formatOnline(r.online)];
}

// Literal codes (not built from the status) so the error-code table generator finds them.
// The advice for each is part of the code's template in the registry.
const NOT_VALID = {
  revoked: 'PBX_CERTIFICATE_REVOKED',
  superseded: 'PBX_CERTIFICATE_SUPERSEDED',
  expired: 'PBX_CERTIFICATE_EXPIRED',
} as const;

/** Anything but a valid receipt exits non-zero, with the reason as the error line. */
function verdictError(r: VerifyOutcome): LdError | undefined {
  if (r.outcome !== 'verified')
    return new LdError({ ...r.error!, kind: r.error!.kind === 'input' ? 'rule' : r.error!.kind });
  const status = r.receipt!.status;
  if (status === 'valid') return undefined;
  const code = NOT_VALID[status];
  return err[code]({ status });
}

export function verifyCommands(pbx: Command): void {
  pbx
    .command('verify')
    .description("the PBX's regular online check against the licence server (--server URL, or the embedded authority)")
    .requiredOption('--state <dir>', "the simulated PBX's folder")
    .option('--json', 'print JSON')
    .option('--clock <time>', CLOCK_HELP)
    .action((o: { state: string; json?: boolean; clock?: string }, cmd: Command) =>
      withClient(cmd, async (c) => {
        const now = parseClock(o.clock);
        const result = await verifyOnline(o.state, (request) => c.call('verification.check', request), now);
        if (o.json) printJson(result);
        else for (const line of formatOutcome(result)) print(line);
        const error = verdictError(result);
        if (error) throw error;
      }),
    );
}
