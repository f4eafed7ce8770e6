// What Administration > Licences shows: the licence state computed from the installed
// certificate and the PBX's clock. Pure apart from reading the state folder.
import { isLdError } from '../shared/errors';
import { parseCertificate, type ParsedCertificate } from '../licensing/certificate';
import * as d from '../licensing/der';
import type { LicenceSource } from '../licensing/extensions';
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
import { onlineStatus, type OnlineStatus } from './grace';
import { join } from 'node:path';

export type LicenceState = 'unlicensed' | 'licensed' | 'expired';

export interface LicenceLine {
  number: number;
  quantity: number;
  /** ISO 8601; null = perpetual */
  notAfter: string | null;
  source: LicenceSource;
  expired: boolean;
}

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
  state: LicenceState;
  certificate?: { serialHex: string; notBefore: string; notAfter: string; issuer?: string };
  licences: LicenceLine[];
  /** Online verification: last check, grace period, clock (docs/verification.md); with a certificate only. */
  online?: OnlineStatus;
}

export async function pbxStatus(stateDir: string, now: Date = new Date()): Promise<PbxStatus> {
  return withStateLock(stateDir, async () => {
    const state = await readState(stateDir);
    if (!state.installed) return statusOf(state, undefined, now);
    const gen = state.installed.generation;
    const [leafDer] = await readChain(stateDir, gen);
    return statusOf(
      state,
      readInstalledLeaf(leafDer!, join(stateDir, chainFile(gen))),
      now,
      await readOnline(stateDir),
    );
  });
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
  now: Date,
  online?: OnlineRecord,
): PbxStatus {
  const base = {
    serial: state.serial,
    model: state.model,
    firmware: state.firmware,
    hostFingerprint: state.hostFingerprint,
    generation: state.generation,
    pending: state.pending !== undefined,
  };
  if (!leaf) return { ...base, state: 'unlicensed', licences: [] };
  // A clock that runs behind is not a reason to lock the PBX out (docs/device.md, Status): only the end counts here.
  const certExpired = now > leaf.notAfter;
  const licences = (leaf.licence?.features ?? []).map((f): LicenceLine => ({
    number: f.number,
    quantity: f.quantity,
    notAfter: f.notAfter ? f.notAfter.toISOString() : null,
    source: f.source,
    expired: certExpired || (f.notAfter !== null && now > f.notAfter),
  }));
  const allExpired = licences.length > 0 && licences.every((l) => l.expired);
  const issuer = commonName(leaf.issuerDer);
  return {
    ...base,
    ...(state.installed ? { installedGeneration: state.installed.generation } : {}),
    state: certExpired || allExpired ? 'expired' : 'licensed',
    certificate: {
      serialHex: leaf.serialHex,
      notBefore: leaf.notBefore.toISOString(),
      notAfter: leaf.notAfter.toISOString(),
      ...(issuer !== undefined ? { issuer } : {}),
    },
    licences,
    online: onlineStatus(online, leaf, now),
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
