// RFC 5280 §4.1 and §4.2 rules for one certificate on its own, whatever its place in a path:
// version, serial, names, and each extension's presence, critical flag and shape. A certificate
// that breaks one is refused with a code naming the rule and a message naming the certificate.
import { inputError } from '../../shared/errors';
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
  if (p.version !== 2n) throw inputError('CERT_NOT_V3', `The ${label} is not an X.509 version 3 certificate.`);
  const s = p.serial;
  if (s.length > 20 || (s[0]! & 0x80) !== 0 || s.every((b) => b === 0))
    throw inputError(
      'CERT_SERIAL_INVALID',
      `The ${label}'s serial number must be a positive integer of at most 20 bytes (RFC 5280 §4.1.2.2).`,
    );
  if (!p.algorithmsMatch)
    throw inputError(
      'CERT_ALGORITHM_MISMATCH',
      `The ${label} names two different signature algorithms inside and outside its signed part.`,
    );
  if (p.issuerEmpty) throw inputError('CERT_EMPTY_NAME', `The ${label} has an empty issuer name.`);
  const san = extensionOf(p, EXT.subjectAltName);
  if (p.subjectEmpty && (c.isCa || !san?.critical))
    throw inputError(
      'CERT_EMPTY_NAME',
      c.isCa
        ? `The ${label} is a CA certificate with an empty subject name.`
        : `The ${label} has an empty subject name and no critical subjectAltName.`,
    );
}

function checkExtensionList(p: Profile, label: string): void {
  const seen = new Set<string>();
  for (const e of p.extensions) {
    if (seen.has(e.id))
      throw inputError('CERT_DUPLICATE_EXTENSION', `The ${label} has the extension ${e.id} more than once.`);
    seen.add(e.id);
    if (e.critical && !KNOWN.has(e.id))
      throw inputError(
        'CERT_UNKNOWN_CRITICAL',
        `The ${label} has a critical extension this PBX does not understand (${e.id}).`,
      );
    const name = NEVER_CRITICAL.get(e.id);
    if (name && e.critical)
      throw inputError('CERT_EXTENSION_CRITICALITY', `The ${label} marks ${name} critical; it must not be.`);
  }
}

function checkCaConsistency(c: ParsedCertificate, p: Profile, label: string): void {
  const bc = extensionOf(p, OID.basicConstraints);
  if (c.isCa && !bc?.critical)
    throw inputError(
      'CERT_EXTENSION_CRITICALITY',
      `The ${label} is a CA certificate whose basicConstraints is not marked critical.`,
    );
  const ku = extensionOf(p, OID.keyUsage);
  const bits = ku ? keyUsageBytes(ku, label) : undefined;
  const certSign = bits !== undefined && ((bits[0] ?? 0) & KEY_CERT_SIGN) !== 0;
  if (bits && bits.every((b) => b === 0))
    throw inputError('CERT_KEY_USAGE_INVALID', `The ${label}'s keyUsage asserts no usage at all.`);
  if (certSign && !c.isCa)
    throw inputError(
      'CERT_KEY_USAGE_INVALID',
      `The ${label} allows keyCertSign but is not a CA certificate (basicConstraints cA is not set).`,
    );
  if (c.isCa && bits && !certSign)
    throw inputError('CERT_KEY_USAGE_INVALID', `The ${label} is a CA certificate whose keyUsage lacks keyCertSign.`);
  if (!c.isCa && c.pathLen !== undefined)
    throw inputError('CERT_KEY_USAGE_INVALID', `The ${label} has a path length limit but is not a CA certificate.`);
}

function keyUsageBytes(ku: Extension, label: string): Buffer {
  const v: unknown = d.parseDer(ku.value, `${label}'s keyUsage`).value;
  return typeof v === 'string' ? d.fromBinary(v.slice(1)) : Buffer.alloc(0);
}

function checkKeyIdentifiers(c: ParsedCertificate, p: Profile, label: string): void {
  if (c.isCa && !c.subjectKeyId)
    throw inputError('CERT_SKI_MISSING', `The ${label} is a CA certificate without a subjectKeyIdentifier.`);
  const aki = extensionOf(p, OID.authorityKeyIdentifier);
  const fields = aki ? d.children(d.parseDer(aki.value, `${label}'s authorityKeyIdentifier`)) : [];
  if (aki && !c.authorityKeyId)
    throw inputError('CERT_AKI_MISSING', `The ${label}'s authorityKeyIdentifier has no keyIdentifier.`);
  if (!aki && !isSelfSigned(c))
    throw inputError(
      'CERT_AKI_MISSING',
      `The ${label} has no authorityKeyIdentifier; only a self-signed root may leave it out.`,
    );
  if (aki && isSelfIssued(c) && isSelfSigned(c)) {
    if (fields.some((f) => d.isContext(f, 1) || d.isContext(f, 2)))
      throw inputError(
        'CERT_AKI_INVALID',
        `The ${label} is a self-signed root whose authorityKeyIdentifier names an issuer or serial.`,
      );
    if (!c.subjectKeyId || !c.authorityKeyId!.equals(c.subjectKeyId))
      throw inputError(
        'CERT_AKI_INVALID',
        `The ${label} is a self-signed root whose authorityKeyIdentifier differs from its subjectKeyIdentifier.`,
      );
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
    throw inputError(
      'CERT_EXTENSION_MALFORMED',
      `The ${label}'s authorityInfoAccess must hold one or more access descriptions.`,
    );
  const pc = extensionOf(p, EXT.policyConstraints);
  if (!pc) return;
  if (!pc.critical)
    throw inputError('CERT_EXTENSION_CRITICALITY', `The ${label} has policyConstraints not marked critical.`);
  const fields = d.children(d.parseDer(pc.value, `${label}'s policyConstraints`));
  if (fields.length === 0)
    throw inputError('CERT_EXTENSION_MALFORMED', `The ${label}'s policyConstraints is an empty sequence.`);
  if (fields.some((f) => d.isContext(f, 0)))
    throw inputError(
      'CERT_POLICY_UNSUPPORTED',
      `The ${label} requires an explicit certificate policy; this PBX checks no policies, so it cannot honour that.`,
    );
}

const isAccessSyntax = (n: d.Node): boolean =>
  d.is(n, d.T.SEQUENCE) &&
  d.children(n).length > 0 &&
  d.children(n).every((ad) => {
    const [method, location, extra] = d.children(ad);
    return d.is(ad, d.T.SEQUENCE) && !!d.oidOf(method) && !!location && location.tagClass !== 0 && !extra;
  });
