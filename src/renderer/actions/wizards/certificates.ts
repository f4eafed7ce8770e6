// Recreate certificate: the initialisation code in, the answer code out (checked by main against
// the root the PBX trusts before it ever reaches the renderer).
import { api, unwrap } from '../client';

export async function recreateCertificate(serial: string, initCode: string) {
  return unwrap(await api().certificatesRecreate({ serial, initCode }));
}

/** The device with its licences, for "these licences come back". */
export async function deviceDetail(serial: string) {
  return unwrap(await api().devicesGet({ serial }));
}
