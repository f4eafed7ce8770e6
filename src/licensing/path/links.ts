// One link of a path: may this CA certificate have issued that certificate, at this time, this
// deep in the path? RFC 5280 §6.1.3–6.1.4: validity, cA, keyCertSign, pathLenConstraint (not
// counting self-issued CAs), then the signature, checked last because it costs the most.
import { err } from '../../shared/errors';
import type { ParsedCertificate } from '../certificate';
import { verifySignature } from '../keys';
import { checkCertificate } from './extension-rules';
import { checkKey } from './key-rules';
import { commonNameOf, isSelfIssued, profileOf } from './profile';

const KEY_CERT_SIGN = 0x04;

export interface Link {
  /** The path so far, leaf first; the candidate would sign its last certificate. */
  path: ParsedCertificate[];
  ca: ParsedCertificate;
  anchor: boolean;
  at: Date;
  what: string;
}

export function checkLink(l: Link): void {
  const label = caLabel(l);
  checkCertificate(l.ca, label);
  checkTime(l.ca, label, l.at);
  if (!l.ca.isCa) throw err.CHAIN_NOT_CA({ variant: 'notCa', label });
  if (l.ca.keyUsage !== undefined && !(l.ca.keyUsage & KEY_CERT_SIGN))
    throw err.CHAIN_NOT_CA({ variant: 'mayNotSign', label });
  // The leaf and self-issued CAs do not count against pathLen (RFC 5280 §4.2.1.9, §6.1.4 (l)).
  const below = l.path.slice(1).filter((c) => !isSelfIssued(c)).length;
  if (l.ca.pathLen !== undefined && below > l.ca.pathLen)
    throw err.CHAIN_PATH_LENGTH({ label, pathLen: l.ca.pathLen, below });
  const child = l.path[l.path.length - 1]!;
  verifySignature(
    child.signatureAlgorithm,
    checkKey(l.ca, profileOf(l.ca), label),
    child.tbs,
    child.signature,
    l.path.length === 1 ? `${l.what} certificate` : `CA certificate ${l.path.length - 1} of the chain`,
  );
}

/** RFC 5280 §4.1.2.5: both ends inclusive, at whole seconds (the time is floored by the caller). */
export function checkTime(c: ParsedCertificate, label: string, at: Date): void {
  if (at < c.notBefore) throw err.CERT_NOT_YET_VALID({ label, notBefore: c.notBefore.toISOString() });
  if (at > c.notAfter) throw err.CERT_EXPIRED({ label, notAfter: c.notAfter.toISOString() });
}

function caLabel(l: Link): string {
  const cn = commonNameOf(l.ca);
  const name = cn ? ` "${cn}"` : '';
  return l.anchor ? `trusted root${name}` : `CA certificate ${l.path.length} of the chain${name}`;
}
