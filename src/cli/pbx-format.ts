// What `pbx status` prints, and the `--clock` option every `pbx` command takes: the simulated
// PBX's clock for that command (ISO 8601, or relative to the system clock: +20d, -1h, +90m, -30s).
import type { PbxStatus } from '../device/status';
import { ISO_TIME } from '../shared/api/verification';
import { err } from '../shared/errors';
import { formatOnline } from './verify-commands';

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
export const CLOCK_HELP =
  "what the PBX's clock reads for this command: an ISO 8601 time, or +Nd/-Nh/±Nm/±Ns from the system clock";

export function parseClock(text: string | undefined, system: Date = new Date()): Date {
  if (text === undefined) return system;
  const relative = /^([+-])(\d{1,7}(?:\.\d{1,3})?)([smhd])$/.exec(text);
  if (relative) {
    const ms = Number(relative[2]) * UNIT_MS[relative[3]!]! * (relative[1] === '-' ? -1 : 1);
    return new Date(system.getTime() + ms);
  }
  const ms = ISO_TIME.test(text) && realDate(text) ? Date.parse(text) : NaN;
  if (Number.isNaN(ms) || ms < 0 || ms > Date.UTC(9999, 11, 31))
    throw err.OPTION_INVALID({ variant: 'clock', text: text.slice(0, 40), option: '--clock' });
  return new Date(ms);
}

/** Date.parse rolls 2026-02-30 over to March; a clock reading must name a real day. */
function realDate(text: string): boolean {
  const [y, m, d] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const minute = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

function behindBy(s: PbxStatus): string {
  const ms = Date.parse(s.trustedTime) - Date.parse(s.clock);
  const days = ms / 86_400_000;
  return days >= 1 ? `${Math.round(days)} days` : `${Math.round(ms / 60_000)} min`;
}

export function formatStatus(s: PbxStatus): string[] {
  const lines = [`${s.serial} (${s.model}): ${s.state}${s.pending ? ', waiting for an answer' : ''}`, `  ${s.reason}`];
  lines.push(
    s.clockBehind
      ? `  Clock ${minute(s.clock)} is ${behindBy(s)} behind the trusted time ${minute(s.trustedTime)}; licences are measured against the trusted time.`
      : `  Clock ${minute(s.clock)}`,
  );
  for (const l of s.licences) {
    const until = l.notAfter ? `until ${l.notAfter.slice(0, 10)}` : 'perpetual';
    const use = l.usable ? (l.reason ? `usable (${l.reason})` : 'usable') : `NOT USABLE: ${l.reason ?? 'no'}`;
    lines.push(`  feature ${l.number} × ${l.quantity}  ${l.source}  ${until}  ${use}`);
  }
  if (s.online) lines.push(...formatOnline(s.online));
  return lines;
}
