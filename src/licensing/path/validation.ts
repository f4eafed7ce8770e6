// RFC 5280 §6.1 path validation as a PBX needs it: the leaf's own rules and validity, then a path
// built up to one of the trust anchors with every link checked (building.ts, links.ts).
import { err } from '../../shared/errors';
import type { ParsedCertificate } from '../certificate';
import { buildPath } from './building';
import { checkCertificate } from './extension-rules';
import { checkTime } from './links';

export interface PathRequest {
  leaf: ParsedCertificate;
  intermediates: ParsedCertificate[];
  /** Trusted certificates; a path may end at any of them, self-signed or not. */
  anchors: ParsedCertificate[];
  at: Date;
  /** What the chain vouches for, in messages: "answer", "receipt". */
  what: string;
  /** keyUsage bits (first byte) the leaf must assert when it has a keyUsage extension. */
  leafKeyUsage?: number;
}

/** Returns the path [leaf, ...CAs, anchor] or throws a specific error. */
export function validatePath(r: PathRequest): ParsedCertificate[] {
  // Certificates carry whole seconds; a fraction past notAfter is still inside it, a fraction
  // before notBefore is not (x509-limbo rfc5280::validity::*-fractional).
  const at = new Date(Math.floor(r.at.getTime() / 1000) * 1000);
  const label = `${r.what} certificate`;
  checkCertificate(r.leaf, label);
  checkTime(r.leaf, label, at);
  const want = r.leafKeyUsage ?? 0;
  if (want && r.leaf.keyUsage !== undefined && (r.leaf.keyUsage & want) !== want)
    throw err.CERT_KEY_USAGE_MISMATCH({ label });
  return buildPath(r.leaf, { anchors: r.anchors, intermediates: r.intermediates, at, what: r.what });
}
