// PBX certificates from a template. For one issuer, everything in a leaf except its serial,
// validity, subject, key and licence extension is the same bytes every time, so those parts are
// encoded once (with the builder in certificate.ts, so the structure cannot drift) and each
// certificate splices its own parts in with a few length headers. This saves building a forge tree
// per certificate and re-parsing the key and the licence extension just to embed them again.
import * as d from './der';
import { extensions, type CertificateSpec, type Issuer } from './certificate';
import { encodeLicenceInfo, type LicenceInfo } from './extensions';
import { OID } from './oids';
import { signerOf, type Signer } from './signer';

export type LeafSpec = Omit<CertificateSpec, 'ca' | 'licence'> & { licence: LicenceInfo };

interface Fixed {
  version: Buffer;
  alg: Buffer;
  issuerName: Buffer;
  /** basicConstraints, keyUsage, authorityKeyIdentifier: a leaf's extensions before the licence. */
  extensions: Buffer[];
  licenceOid: Buffer;
  /** The issuer's key in this process or in an HSM; wrapped once per issuer. */
  signer: Signer;
}

const fixedByIssuer = new WeakMap<Issuer, Fixed>();

function fixedParts(issuer: Issuer): Fixed {
  let f = fixedByIssuer.get(issuer);
  if (!f) {
    const leafWithoutLicence = {
      issuer,
      subject: d.seq([]),
      spkiDer: new Uint8Array(),
      notBefore: new Date(),
      notAfter: new Date(),
    };
    const signer = signerOf(issuer.key);
    f = {
      signer,
      version: d.encode(d.explicit(0, d.int(2))),
      alg: d.encode(d.seq([d.oid(signer.algorithm)])),
      issuerName: d.encode(issuer.name),
      extensions: extensions(leafWithoutLicence).map(d.encode),
      licenceOid: d.encode(d.oid(OID.licenceInfo)),
    };
    fixedByIssuer.set(issuer, f);
  }
  return f;
}

/** The same certificate buildCertificate makes for a leaf with a licence, signed by spec.issuer. */
export function buildLeaf(spec: LeafSpec, serial: Uint8Array): Buffer {
  const f = fixedParts(spec.issuer);
  const licence = tlv(0x30, [f.licenceOid, tlv(0x04, [encodeLicenceInfo(spec.licence)])]);
  const tbs = tlv(0x30, [
    f.version,
    d.encode(d.int(serial)),
    f.alg,
    f.issuerName,
    d.encode(d.seq([d.x509Time(spec.notBefore), d.x509Time(spec.notAfter)])),
    d.encode(spec.subject),
    spec.spkiDer,
    tlv(0xa3, [tlv(0x30, [...f.extensions, licence])]),
  ]);
  const signature = f.signer.sign(tbs);
  return tlv(0x30, [tbs, f.alg, tlv(0x03, [ZERO_UNUSED_BITS, signature])]);
}

const ZERO_UNUSED_BITS = Uint8Array.of(0);

/** One DER element (definite length, as DER requires) around already-encoded content. */
function tlv(tag: number, parts: Uint8Array[]): Buffer {
  let length = 0;
  for (const p of parts) length += p.length;
  const head = header(tag, length);
  return Buffer.concat([head, ...parts], head.length + length);
}

function header(tag: number, length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(tag, length);
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n & 0xff);
  return Uint8Array.of(tag, 0x80 | bytes.length, ...bytes);
}
