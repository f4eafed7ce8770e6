// The parts of a certificate that RFC 5280's profile rules look at and ParsedCertificate does not
// keep: the version, the serial's raw bytes, both algorithm identifiers, the names' emptiness, and
// every extension with its critical flag, in order (duplicates included). Read once per certificate.
import * as d from '../der';
import type { ParsedCertificate } from '../certificate';

export interface Extension {
  id: string;
  critical: boolean;
  value: Buffer;
}

export interface Profile {
  version: bigint | undefined;
  /** The serial INTEGER's content bytes (two's complement, as encoded). */
  serial: Buffer;
  algorithmsMatch: boolean;
  issuerEmpty: boolean;
  subjectEmpty: boolean;
  extensions: Extension[];
  /** The SubjectPublicKeyInfo's algorithm parameters (an OID for a named curve). */
  keyParameters: d.Node | undefined;
  keyAlgorithm: string | undefined;
}

const cache = new WeakMap<ParsedCertificate, Profile>();

export function profileOf(cert: ParsedCertificate): Profile {
  let profile = cache.get(cert);
  if (!profile) {
    profile = readProfile(cert);
    cache.set(cert, profile);
  }
  return profile;
}

function readProfile(cert: ParsedCertificate): Profile {
  // parseCertificate has already checked the outer structure, so the positions are known.
  const [tbs, outerAlg] = d.children(d.parseDer(cert.der, 'certificate'));
  const [version, serial, innerAlg, issuer, , subject, spki, ...rest] = d.children(tbs);
  const [keyAlg] = d.children(spki);
  const [keyOid, keyParameters] = d.children(keyAlg);
  return {
    version: d.intOf(d.children(version)[0]),
    serial: serial ? d.bytesOf(serial) : Buffer.alloc(0),
    algorithmsMatch: !!innerAlg && !!outerAlg && d.derOf(innerAlg).equals(d.derOf(outerAlg)),
    issuerEmpty: d.children(issuer).length === 0,
    subjectEmpty: d.children(subject).length === 0,
    extensions: readExtensions(rest.find((n) => d.isContext(n, 3))),
    keyParameters,
    keyAlgorithm: d.oidOf(keyOid),
  };
}

function readExtensions(wrapper: d.Node | undefined): Extension[] {
  return d.children(d.children(wrapper)[0]).map((ext) => {
    const parts = d.children(ext);
    const flag = parts.length === 3 ? parts[1] : undefined;
    const valueNode = parts[parts.length - 1];
    return {
      id: d.oidOf(parts[0]) ?? '?',
      critical: d.is(flag, d.T.BOOLEAN) && flag.value === '\xff',
      value: valueNode ? d.bytesOf(valueNode) : Buffer.alloc(0),
    };
  });
}

export const extensionOf = (p: Profile, id: string): Extension | undefined => p.extensions.find((e) => e.id === id);

/** Self-issued (RFC 5280 §6.1): subject and issuer are the same name. */
export const isSelfIssued = (c: ParsedCertificate): boolean => c.subjectDer.equals(c.issuerDer);

/** The subject's first CN, to say which certificate of a path an error is about. */
export function commonNameOf(c: ParsedCertificate): string | undefined {
  for (const rdn of d.children(c.subject))
    for (const attr of d.children(rdn)) {
      const [type, value] = d.children(attr);
      if (d.oidOf(type) === '2.5.4.3') return d.stringOf(value);
    }
  return undefined;
}
