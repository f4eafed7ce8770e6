// What Administration > Licences shows: the licence state (src/device/licence-state.ts) computed
// from the installed certificate, the receipts seen and the trusted clock. Reads the state folder
// and moves the clock's high-water mark forward; everything else is pure.
import { join } from 'node:path';
import { isLdError } from '../shared/errors';
import { defaultCatalogue, findFeature, findModel } from '../licensing/catalogue';
import { parseCertificate, type ParsedCertificate } from '../licensing/certificate';
import * as d from '../licensing/der';
import { OID } from '../licensing/oids';
import {
  chainFile,
  readChain,
  readOnline,
  readState,
  stateCorrupt,
  withStateLock,
  type OnlineRecord,
  type PbxState,
} from './state';
import { advanceClock, isClockBehind, type TrustedClock } from './clock';
import { onlineStatus, type OnlineStatus } from './grace';
import { decideLicenceState, type LicenceLine, type PbxLicenceState } from './licence-state';

export type { LicenceLine, PbxLicenceState } from './licence-state';

export interface PbxStatus {
  serial: string;
  model: string;
  firmware: string;
  /** hex; what host-bound licences are bound to */
  hostFingerprint: string;
  /** The latest generation an initialisation code was made for. */
  generation: number;
  /** The generation of the installed certificate, if any. */
  installedGeneration?: number;
  pending: boolean;
  /** The licence state machine's verdict (docs/device.md, "Licence states"). */
  state: PbxLicenceState;
  /** Why: one sentence. */
  reason: string;
  /** What this PBX's clock read for this command. */
  clock: string;
  /** The high-water mark of time every licence rule is measured against. */
  trustedTime: string;
  /** The clock reads earlier than the trusted time (beyond 5 minutes): it was set back. */
  clockBehind: boolean;
  certificate?: { serialHex: string; notBefore: string; notAfter: string; issuer?: string };
  licences: LicenceLine[];
  /** Online verification: last check, grace period, verdict (docs/verification.md); with a certificate only. */
  online?: OnlineStatus;
}

export async function pbxStatus(stateDir: string, now: Date = new Date()): Promise<PbxStatus> {
  return withStateLock(stateDir, async () => {
    const state = await readState(stateDir);
    if (!state.installed) return statusOf(state, undefined, await advanceClock(stateDir, now));
    const gen = state.installed.generation;
    const [leafDer] = await readChain(stateDir, gen);
    const leaf = readInstalledLeaf(leafDer!, join(stateDir, chainFile(gen)));
    const online = await readOnline(stateDir);
    const time = await advanceClock(stateDir, now, ...evidenceOfTime(leaf, online));
    return statusOf(state, leaf, time, online);
  });
}

/** Times this PBX has signed evidence of: the certificate was issued, receipts were signed. */
export function evidenceOfTime(leaf: ParsedCertificate, online: OnlineRecord | undefined): (Date | undefined)[] {
  const times = [online?.lastReceipt?.serverTime, online?.verdict?.serverTime].map((t) =>
    t ? new Date(t) : undefined,
  );
  return [leaf.notBefore, ...times];
}

/** The installed leaf was checked when installed; failing to read it now means the file changed. */
export function readInstalledLeaf(der: Uint8Array, path: string): ParsedCertificate {
  try {
    return parseCertificate(der, 'installed certificate');
  } catch (e) {
    throw stateCorrupt(path, isLdError(e) ? e.message : 'it is not a certificate');
  }
}

export function statusOf(
  state: PbxState,
  leaf: ParsedCertificate | undefined,
  time: TrustedClock,
  online?: OnlineRecord,
): PbxStatus {
  const catalogue = defaultCatalogue();
  const model = findModel(catalogue, state.model);
  const onlineNow = leaf ? onlineStatus(online, leaf, time) : undefined;
  const decision = decideLicenceState({
    ...(model ? { model } : {}),
    kindOf: (n) => findFeature(catalogue, n)?.kind,
    ...(leaf ? { leaf: { ...leaf, features: leaf.licence?.features ?? [] } } : {}),
    ...(onlineNow ? { online: onlineNow } : {}),
    at: time.trustedTime,
  });
  const issuer = leaf ? commonName(leaf.issuerDer) : undefined;
  return {
    serial: state.serial,
    model: state.model,
    firmware: state.firmware,
    hostFingerprint: state.hostFingerprint,
    generation: state.generation,
    ...(leaf && state.installed ? { installedGeneration: state.installed.generation } : {}),
    pending: state.pending !== undefined,
    state: decision.state,
    reason: decision.reason,
    clock: time.clock.toISOString(),
    trustedTime: time.trustedTime.toISOString(),
    clockBehind: isClockBehind(time),
    ...(leaf
      ? {
          certificate: {
            serialHex: leaf.serialHex,
            notBefore: leaf.notBefore.toISOString(),
            notAfter: leaf.notAfter.toISOString(),
            ...(issuer !== undefined ? { issuer } : {}),
          },
        }
      : {}),
    licences: decision.licences,
    ...(onlineNow ? { online: onlineNow } : {}),
  };
}

/** The CN of a distinguished name, for display only (undefined when there is none). */
function commonName(nameDer: Uint8Array): string | undefined {
  for (const rdn of d.children(d.parseDer(nameDer, 'issuer name'))) {
    const [type, value] = d.children(d.children(rdn)[0]);
    if (d.oidOf(type) === OID.commonName) return d.stringOf(value);
  }
  return undefined;
}
