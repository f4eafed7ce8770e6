// Helpers for the offers tests (tryout, registration + trial, EULA): other resellers, init codes
// for a chosen host, a PBX simulator folder, and counting the outcomes of concurrent calls.
import { randomBytes } from 'node:crypto';
import { oneOffRequest } from '../../src/device/one-off';
import type { Authority } from '../../src/authority/authority';
import type { Actor } from '../../src/authority/context';
import { initPbx } from '../../src/device/simulator';
import { tempDir } from './fixtures';

export async function otherReseller(authority: Authority, name = 'Other'): Promise<Actor> {
  const db = authority.ctx.db;
  const row = await db.write((tx) =>
    tx.first(db.qb.insertInto('resellers').values({ name, created_at: new Date().toISOString() }).returning('id')),
  );
  return { resellerId: row!.id, vendor: false, label: `reseller:${row!.id}` };
}

/** The local reseller, but calling as a server token would (not the embedded desktop). */
export const asServerCaller = (authority: Authority): Actor => ({
  ...authority.local,
  vendor: false,
  label: `reseller:${authority.local.resellerId}`,
});

/** An initialisation code for `serial` on a chosen host (16 bytes; random when omitted), generation 1 unless given. */
export function hostCode(serial: string, model: string, host: Buffer = randomBytes(16), generation = 1): string {
  return oneOffRequest({ serial, model, hostFingerprint: host, firmware: '2024.1', generation }).code;
}

/** A fresh PBX simulator that trusts this authority; returns its folder and its first code. */
export async function simulatedPbx(
  authority: Authority,
  serial: string,
  model: string,
): Promise<{ dir: string; code: string }> {
  const dir = tempDir('ld-pbx-');
  const { pem } = await authority.call('ca.root', {});
  const { code } = await initPbx(dir, { serial, model, trustPem: pem });
  return { dir, code };
}

/** Outcomes of concurrent calls: how many succeeded, and the error codes of the rest. */
export async function outcomes<T>(calls: Promise<T>[]): Promise<{ ok: T[]; codes: string[] }> {
  const settled = await Promise.allSettled(calls);
  return {
    ok: settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : [])),
    codes: settled.flatMap((s) =>
      s.status === 'rejected' ? [String((s.reason as { code?: string }).code ?? (s.reason as Error).message)] : [],
    ),
  };
}

/** A registration whose owner accepted the current EULA, ready for a trial. */
export async function acceptedRegistration(authority: Authority, company = 'Acme', actor?: Actor): Promise<string> {
  const { number } = await authority.call(
    'registrations.create',
    { company, email: `it@${company.toLowerCase()}.test` },
    actor,
  );
  await authority.call('eula.accept', { registration: number, host: 'pc-office' }, actor);
  return number;
}

/** Links a host-bound device to a fresh accepted registration, as grants and coupons now need. */
export async function linkedToAccepted(authority: Authority, serial: string, actor?: Actor): Promise<string> {
  const number = await acceptedRegistration(authority, `Customer-${serial}`, actor);
  await authority.call('registrations.link', { registration: number, serial }, actor);
  return number;
}
