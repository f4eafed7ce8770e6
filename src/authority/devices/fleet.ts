// "My devices" for a whole fleet in a handful of queries: every device with its licence summary,
// status, end date and last verification. Grouped queries, not one query per device, so 100,000
// devices list in one go. The detail view asks the same for one device.
import { REVOKED_REASON } from '../bindings/service';
import type { Actor, AuthorityContext } from '../context';
import type { DeviceRow } from './queries';
import { deviceStatus, type StatusSummary } from './status';

export interface FleetEntry extends StatusSummary {
  licences: string;
  lastVerifiedAt: string | null;
}

export async function fleetSummaries(
  ctx: AuthorityContext,
  actor: Actor,
  now: Date,
  /** Only these devices (already the reseller's): a few rows to refresh cost a few rows, not the fleet. */
  deviceIds?: readonly number[],
): Promise<Map<number, FleetEntry>> {
  const { qb, read } = ctx.db;
  const reseller = actor.resellerId ?? -1;
  const mine = deviceIds ? [...deviceIds] : qb.selectFrom('devices').select('id').where('reseller_id', '=', reseller);
  const [licences, tryouts, verified, certs] = await Promise.all([
    read.all(
      qb
        .selectFrom('licences')
        .select(['device_id', 'feature', 'quantity', 'source', 'not_after', 'ended_at'])
        .where('device_id', 'in', mine),
    ),
    read.all(
      qb
        .selectFrom('tryouts')
        .select(['device_id', 'ends_at'])
        .where('ended_at', 'is', null)
        .where('device_id', 'in', mine),
    ),
    read.all(
      qb
        .selectFrom('verifications')
        .select(['device_id', (eb) => eb.fn.max('server_time').as('last')])
        // A check answered revoked or unknown is no verification: the PBX was not confirmed.
        .where('status', '=', 'valid')
        .where('device_id', 'in', mine)
        .groupBy('device_id'),
    ),
    // Issuing supersedes every earlier certificate of the device: the one left is the current one.
    read.all(
      qb
        .selectFrom('certificates')
        .select(['device_id', 'issued_at', 'revoked_at', 'revoked_reason'])
        .where('superseded_by', 'is', null)
        .where('device_id', 'in', mine),
    ),
  ]);
  const nowIso = now.toISOString();
  const byDevice = new Map<number, typeof licences>();
  for (const l of licences) (byDevice.get(l.device_id) ?? byDevice.set(l.device_id, []).get(l.device_id)!).push(l);
  const tryoutEnd = new Map(tryouts.map((t) => [t.device_id, t.ends_at]));
  const lastCheck = new Map(verified.map((v) => [v.device_id, v.last as string | null]));
  const current = new Map(certs.map((c) => [c.device_id, c]));
  const out = new Map<number, FleetEntry>();
  for (const id of new Set([...byDevice.keys(), ...current.keys()])) {
    const all = byDevice.get(id) ?? [];
    const isActive = (l: (typeof all)[number]) => l.ended_at === null && (l.not_after === null || l.not_after > nowIso);
    const active = all.filter(isActive);
    const cert = current.get(id);
    const summary = deviceStatus(
      {
        retiredAt: null,
        active: active.map((l) => ({ source: l.source, notAfter: l.not_after, feature: l.feature })),
        hadLicences: all.length > 0,
        lapsedSources: [...new Set(all.filter((l) => !isActive(l)).map((l) => l.source))],
        current: cert ? { revokedAt: cert.revoked_at, bindingReset: cert.revoked_reason === REVOKED_REASON } : null,
        tryoutEndsAt: tryoutEnd.get(id) ?? null,
        hasCertificate: cert !== undefined,
        lastVerifiedAt: lastCheck.get(id) ?? null,
        certificateIssuedAt: cert?.issued_at ?? null,
      },
      now,
    );
    out.set(id, { ...summary, licences: licenceText(active), lastVerifiedAt: lastCheck.get(id) ?? null });
  }
  return out;
}

/** What "My devices" shows for a device: retired wins, and a device with nothing yet is unlicensed. */
export const summaryOf = (d: DeviceRow, f: FleetEntry | undefined) =>
  d.retired_at
    ? {
        status: 'retired' as const,
        licences: f?.licences ?? '',
        endDate: null,
        lastVerifiedAt: f?.lastVerifiedAt ?? null,
        tryoutDaysLeft: null,
        verificationOverdue: false,
      }
    : (f ?? {
        status: 'unlicensed' as const,
        licences: '',
        endDate: null,
        lastVerifiedAt: null,
        tryoutDaysLeft: null,
        verificationOverdue: false,
      });

/** "11×5, 12": feature numbers with quantities, summed per feature. */
function licenceText(active: { feature: number; quantity: number }[]): string {
  const sums = new Map<number, number>();
  for (const l of active) sums.set(l.feature, (sums.get(l.feature) ?? 0) + l.quantity);
  return [...sums]
    .sort((a, b) => a[0] - b[0])
    .map(([f, q]) => (q > 1 ? `${f}×${q}` : `${f}`))
    .join(', ');
}
