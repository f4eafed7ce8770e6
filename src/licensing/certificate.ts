// X.509 v3 certificates (RFC 5280): building the CA and PBX certificates and reading them back.
// forge builds and reads the structure; Node's crypto signs (SHA-256, always explicit).
import { createHash, randomBytes, type KeyObject } from 'node:crypto';
import { err } from '../shared/errors';
import * as d from './der';
import { decodeLicenceInfo, encodeLicenceInfo, type LicenceInfo } from './extensions';
import { OID } from './oids';
import { signerOf, type Signer } from './signer';

export interface Issuer {
  name: d.Node;
  /** A key in this process, or a signer whose key lives elsewhere (an HSM). */
  key: KeyObject | Signer;
  keyId: Uint8Array;
}

export interface CertificateSpec {
  issuer: Issuer;
  subject: d.Node;
  spkiDer: Uint8Array;
  notBefore: Date;
  notAfter: Date;
  /** Present for CA certificates; pathLen limits how many CAs may follow below. */
  ca?: { pathLen?: number };
  licence?: LicenceInfo;
}

/** RFC 7093 method 1: the leftmost 160 bits of SHA-256 over the subjectPublicKey bits. */
export function keyIdentifier(spkiDer: Uint8Array): Buffer {
  const bits = d.bitStringBytes(d.children(d.parseDer(spkiDer, 'public key'))[1]);
  return createHash('sha256')
    .update(bits ?? spkiDer)
    .digest()
    .subarray(0, 20);
}

/** ≥ 64 random bits, positive, ≤ 20 bytes: 16 random bytes with the top bit cleared. */
export function randomSerial(): Buffer {
  const b = randomBytes(16);
  b[0] = (b[0]! & 0x7f) | 0x01; // never a leading zero byte, never negative
  return b;
}

export function buildCertificate(spec: CertificateSpec, serial: Uint8Array = randomSerial()): Buffer {
  const signer = signerOf(spec.issuer.key);
  const alg = d.seq([d.oid(signer.algorithm)]);
  const tbs = d.seq([
    d.explicit(0, d.int(2)),
    d.int(serial),
    alg,
    spec.issuer.name,
    d.seq([d.x509Time(spec.notBefore), d.x509Time(spec.notAfter)]),
    spec.subject,
    d.trusted(spec.spkiDer),
    d.explicit(3, d.seq(extensions(spec))),
  ]);
  const tbsDer = d.encode(tbs);
  return d.encode(d.seq([tbs, alg, d.bitString(signer.sign(tbsDer))]));
}

/** The extensions in the order every certificate carries them (also the leaf template's source). */
export function extensions(spec: CertificateSpec): d.Node[] {
  const ext = (id: string, critical: boolean, value: d.Node) =>
    d.seq([d.oid(id), ...(critical ? [d.bool(true)] : []), d.octets(d.encode(value))]);
  const list: d.Node[] = [];
  if (spec.ca) {
    const pathLen = spec.ca.pathLen === undefined ? [] : [d.int(spec.ca.pathLen)];
    list.push(ext(OID.basicConstraints, true, d.seq([d.bool(true), ...pathLen])));
    list.push(ext(OID.keyUsage, true, d.namedBits(0x06))); // keyCertSign, cRLSign
    list.push(ext(OID.subjectKeyIdentifier, false, d.octets(keyIdentifier(spec.spkiDer))));
  } else {
    list.push(ext(OID.basicConstraints, true, d.seq([])));
    list.push(ext(OID.keyUsage, true, d.namedBits(0x80))); // digitalSignature
  }
  list.push(ext(OID.authorityKeyIdentifier, false, d.seq([d.implicitOctets(0, spec.issuer.keyId)])));
  if (spec.licence) list.push(ext(OID.licenceInfo, false, d.trusted(encodeLicenceInfo(spec.licence))));
  return list;
}

export interface ParsedCertificate {
  der: Uint8Array;
  tbs: Uint8Array;
  serialHex: string;
  signatureAlgorithm: string;
  signature: Buffer;
  issuerDer: Buffer;
  subjectDer: Buffer;
  subject: d.Node;
  notBefore: Date;
  notAfter: Date;
  spkiDer: Buffer;
  isCa: boolean;
  pathLen?: number;
  keyUsage?: number;
  subjectKeyId?: Buffer;
  authorityKeyId?: Buffer;
  licence?: LicenceInfo;
  /** Critical extensions we do not understand: a verifier must refuse the certificate. */
  unknownCritical: string[];
}

export function parseCertificate(der: Uint8Array, what = 'certificate'): ParsedCertificate {
  const root = d.parseDer(der, what);
  const [tbs, alg, sig, extra] = d.children(root);
  const f = d.children(tbs);
  const hasVersion = d.isContext(f[0], 0);
  const [serial, tbsAlg, issuer, validity, subject, spki, ...rest] = hasVersion ? f.slice(1) : f;
  const times = d.children(validity).map(d.timeOf);
  const signature = d.bitStringBytes(sig);
  const algOid = d.oidOf(d.children(alg)[0]);
  if (
    !d.is(root, d.T.SEQUENCE) ||
    !d.is(tbs, d.T.SEQUENCE) ||
    !d.is(alg, d.T.SEQUENCE) ||
    !hasVersion ||
    extra ||
    !serial ||
    !issuer ||
    !subject ||
    !spki ||
    !times[0] ||
    !times[1] ||
    !signature ||
    !algOid ||
    algOid !== d.oidOf(d.children(tbsAlg)[0])
  ) {
    throw err.CERTIFICATE_MALFORMED({ variant: 'notV3', what });
  }
  const parsed: ParsedCertificate = {
    der,
    tbs: d.firstChild(der),
    serialHex: d.bytesOf(serial).toString('hex'),
    signatureAlgorithm: algOid,
    signature,
    issuerDer: d.derOf(issuer),
    subjectDer: d.derOf(subject),
    subject,
    notBefore: times[0],
    notAfter: times[1],
    spkiDer: d.derOf(spki),
    isCa: false,
    unknownCritical: [],
  };
  const exts = rest.find((n) => d.isContext(n, 3));
  for (const ext of d.children(d.children(exts)[0])) readExtension(parsed, ext, what);
  return parsed;
}

function readExtension(p: ParsedCertificate, ext: d.Node, what: string): void {
  const parts = d.children(ext);
  const id = d.oidOf(parts[0]) ?? '?';
  const critical = d.is(parts[1], d.T.BOOLEAN) && parts[1].value === '\xff';
  const valueNode = parts[parts.length - 1];
  if (!valueNode || !d.is(valueNode, d.T.OCTETSTRING))
    throw err.CERTIFICATE_MALFORMED({ variant: 'emptyExtension', what, id });
  const value = d.bytesOf(valueNode);
  switch (id) {
    case OID.basicConstraints: {
      const [ca, pathLen] = d.children(d.parseDer(value, 'basicConstraints'));
      p.isCa = d.is(ca, d.T.BOOLEAN) && ca.value === '\xff';
      const len = d.intOf(d.is(ca, d.T.BOOLEAN) ? pathLen : ca);
      if (len !== undefined) p.pathLen = Number(len);
      break;
    }
    case OID.keyUsage: {
      const bits = d.parseDer(value, 'keyUsage').value;
      p.keyUsage = typeof bits === 'string' ? bits.charCodeAt(1) | 0 : 0;
      break;
    }
    case OID.subjectKeyIdentifier:
      p.subjectKeyId = d.bytesOf(d.parseDer(value, 'subjectKeyIdentifier'));
      break;
    case OID.authorityKeyIdentifier: {
      const keyId = d.children(d.parseDer(value, 'authorityKeyIdentifier')).find((n) => d.isContext(n, 0));
      if (keyId && typeof keyId.value === 'string') p.authorityKeyId = d.fromBinary(keyId.value);
      break;
    }
    case OID.licenceInfo:
      p.licence = decodeLicenceInfo(value);
      break;
    default:
      if (critical) p.unknownCritical.push(id);
  }
}
