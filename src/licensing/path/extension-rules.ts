// RFC 5280 §4.1 and §4.2 rules for one certificate on its own, whatever its place in a path:
// version, serial, names, and each extension's presence, critical flag and shape. A certificate
// that breaks one is refused with a code naming the rule and a message naming the certificate.
import { err } from '../../shared/errors';
import { verifySignature } from '../keys';
import type { ParsedCertificate } from '../certificate';
import * as d from '../der';
import { OID } from '../oids';
import { checkKey } from './key-rules';
import { extensionOf, isSelfIssued, profileOf, type Extension, type Profile } from './profile';

const EXT = {
  subjectAltName: '2.5.29.17',
  certificatePolicies: '2.5.29.32',
  policyMappings: '2.5.29.33',
  policyConstraints: '2.5.29.36',
  inhibitAnyPolicy: '2.5.29.54',
  authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
} as const;

/**
 * Extensions this check understands. Policy extensions count as understood because no policy is
 * ever required here (the initial policy set is anyPolicy), and requireExplicitPolicy, the one
 * constraint that would need a policy tree, is refused. Name constraints are not understood.
 */
const KNOWN = new Set<string>([
  OID.basicConstraints,
  OID.keyUsage,
  OID.extKeyUsage,
  OID.subjectKeyIdentifier,
  OID.authorityKeyIdentifier,
  OID.licenceInfo,
  ...Object.values(EXT),
]);
const NEVER_CRITICAL = new Map<string, string>([
  [OID.authorityKeyIdentifier, 'authorityKeyIdentifier'],
  [OID.subjectKeyIdentifier, 'subjectKeyIdentifier'],
  [EXT.authorityInfoAccess, 'authorityInfoAccess'],
]);
const KEY_CERT_SIGN = 0x04;

const checked = new WeakSet<ParsedCertificate>();

/** Every rule below, once per certificate (a path search may meet the same CA many times). */
export function checkCertificate(c: ParsedCertificate, label: string): void {
  if (checked.has(c)) return;
  const p = profileOf(c);
  checkBasics(c, p, label);
  checkKey(c, p, label);
  checkExtensionList(p, label);
  checkCaConsistency(c, p, label);
  checkKeyIdentifiers(c, p, label);
  checkAccessAndPolicy(p, label);
  checked.add(c);
}

function checkBasics(c: ParsedCertificate, p: Profile, label: string): void {
  if (p.version !== 2n) throw err.CERT_NOT_V3({ label });
  const s = p.serial;
  if (s.length > 20 || (s[0]! & 0x80) !== 0 || s.every((b) => b === 0)) throw err.CERT_SERIAL_INVALID({ label });
  if (!p.algorithmsMatch) throw err.CERT_ALGORITHM_MISMATCH({ label });
  if (p.issuerEmpty) throw err.CERT_EMPTY_NAME({ variant: 'issuer', label });
  const san = extensionOf(p, EXT.subjectAltName);
  if (p.subjectEmpty && (c.isCa || !san?.critical))
    throw err.CERT_EMPTY_NAME({ variant: c.isCa ? 'subjectCa' : 'subject', label });
}

function checkExtensionList(p: Profile, label: string): void {
  const seen = new Set<string>();
  for (const e of p.extensions) {
    if (seen.has(e.id)) throw err.CERT_DUPLICATE_EXTENSION({ label, id: e.id });
    seen.add(e.id);
    if (e.critical && !KNOWN.has(e.id)) throw err.CERT_UNKNOWN_CRITICAL({ label, id: e.id });
    const name = NEVER_CRITICAL.get(e.id);
    if (name && e.critical) throw err.CERT_EXTENSION_CRITICALITY({ variant: 'mustNotBeCritical', label, name });
  }
}

function checkCaConsistency(c: ParsedCertificate, p: Profile, label: string): void {
  const bc = extensionOf(p, OID.basicConstraints);
  if (c.isCa && !bc?.critical) throw err.CERT_EXTENSION_CRITICALITY({ variant: 'basicConstraints', label });
  const ku = extensionOf(p, OID.keyUsage);
  const bits = ku ? keyUsageBytes(ku, label) : undefined;
  const certSign = bits !== undefined && ((bits[0] ?? 0) & KEY_CERT_SIGN) !== 0;
  if (bits && bits.every((b) => b === 0)) throw err.CERT_KEY_USAGE_INVALID({ variant: 'empty', label });
  if (certSign && !c.isCa) throw err.CERT_KEY_USAGE_INVALID({ variant: 'certSignNotCa', label });
  if (c.isCa && bits && !certSign) throw err.CERT_KEY_USAGE_INVALID({ variant: 'caWithoutCertSign', label });
  if (!c.isCa && c.pathLen !== undefined) throw err.CERT_KEY_USAGE_INVALID({ variant: 'pathLenNotCa', label });
}

function keyUsageBytes(ku: Extension, label: string): Buffer {
  const v: unknown = d.parseDer(ku.value, `${label}'s keyUsage`).value;
  return typeof v === 'string' ? d.fromBinary(v.slice(1)) : Buffer.alloc(0);
}

function checkKeyIdentifiers(c: ParsedCertificate, p: Profile, label: string): void {
  if (c.isCa && !c.subjectKeyId) throw err.CERT_SKI_MISSING({ label });
  const aki = extensionOf(p, OID.authorityKeyIdentifier);
  const fields = aki ? d.children(d.parseDer(aki.value, `${label}'s authorityKeyIdentifier`)) : [];
  if (aki && !c.authorityKeyId) throw err.CERT_AKI_MISSING({ variant: 'noKeyIdentifier', label });
  if (!aki && !isSelfSigned(c)) throw err.CERT_AKI_MISSING({ variant: 'absent', label });
  if (aki && isSelfIssued(c) && isSelfSigned(c)) {
    if (fields.some((f) => d.isContext(f, 1) || d.isContext(f, 2)))
      throw err.CERT_AKI_INVALID({ variant: 'namesIssuer', label });
    if (!c.subjectKeyId || !c.authorityKeyId!.equals(c.subjectKeyId))
      throw err.CERT_AKI_INVALID({ variant: 'differsFromSki', label });
  }
}

/** Self-signed: self-issued and its signature verifies with its own key (RFC 5280 §3.2). */
function isSelfSigned(c: ParsedCertificate): boolean {
  if (!isSelfIssued(c)) return false;
  try {
    verifySignature(c.signatureAlgorithm, checkKey(c, profileOf(c), 'certificate'), c.tbs, c.signature, 'certificate');
    return true;
  } catch {
    return false;
  }
}

function checkAccessAndPolicy(p: Profile, label: string): void {
  const aia = extensionOf(p, EXT.authorityInfoAccess);
  if (aia && !isAccessSyntax(d.parseDer(aia.value, `${label}'s authorityInfoAccess`)))
    throw err.CERT_EXTENSION_MALFORMED({ variant: 'authorityInfoAccess', label });
  const pc = extensionOf(p, EXT.policyConstraints);
  if (!pc) return;
  if (!pc.critical) throw err.CERT_EXTENSION_CRITICALITY({ variant: 'policyConstraints', label });
  const fields = d.children(d.parseDer(pc.value, `${label}'s policyConstraints`));
  if (fields.length === 0) throw err.CERT_EXTENSION_MALFORMED({ variant: 'policyConstraints', label });
  if (fields.some((f) => d.isContext(f, 0))) throw err.CERT_POLICY_UNSUPPORTED({ label });
}

const isAccessSyntax = (n: d.Node): boolean =>
  d.is(n, d.T.SEQUENCE) &&
  d.children(n).length > 0 &&
  d.children(n).every((ad) => {
    const [method, location, extra] = d.children(ad);
    return d.is(ad, d.T.SEQUENCE) && !!d.oidOf(method) && !!location && location.tagClass !== 0 && !extra;
  });
