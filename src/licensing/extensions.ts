// Our two private extensions, in DER. The ASN.1 is documented in docs/formats.md; keep both in step.
//
//   DeviceInfo ::= SEQUENCE {                 -- in the request's extensionRequest
//     version INTEGER (1), hostFingerprint OCTET STRING (SIZE(8..32)), nonce OCTET STRING (SIZE(16)),
//     generation INTEGER (1..MAX), firmware UTF8String (SIZE(1..64)), hostName [0] UTF8String OPTIONAL }
//   LicenceInfo ::= SEQUENCE {                -- in the issued certificate
//     version INTEGER (1), features SEQUENCE OF LicensedFeature, binding Binding }
//   LicensedFeature ::= SEQUENCE { number INTEGER, quantity INTEGER (1..MAX),
//     notAfter GeneralizedTime OPTIONAL (absent = perpetual), source [0] INTEGER OPTIONAL }
//   Binding ::= SEQUENCE { hostFingerprint OCTET STRING, nonce OCTET STRING, generation INTEGER }
import { err } from '../shared/errors';
import * as d from './der';

export interface DeviceInfo {
  hostFingerprint: Uint8Array;
  nonce: Uint8Array;
  generation: number;
  firmware: string;
  hostName?: string;
}

export const LICENCE_SOURCES = ['grant', 'coupon', 'tryout', 'trial'] as const;
export type LicenceSource = (typeof LICENCE_SOURCES)[number];

export interface LicensedFeature {
  number: number;
  quantity: number;
  /** null = perpetual */
  notAfter: Date | null;
  source: LicenceSource;
}

export interface Binding {
  hostFingerprint: Uint8Array;
  nonce: Uint8Array;
  generation: number;
}

export interface LicenceInfo {
  features: LicensedFeature[];
  binding: Binding;
}

const MAX_GENERATION = 2 ** 31 - 1;
const SAFE_TEXT = /^[\p{L}\p{N} ._:/()+-]{1,64}$/u;

export function encodeDeviceInfo(info: DeviceInfo): Buffer {
  const items = [
    d.int(1),
    d.octets(info.hostFingerprint),
    d.octets(info.nonce),
    d.int(info.generation),
    d.utf8(info.firmware),
  ];
  if (info.hostName) items.push(d.explicit(0, d.utf8(info.hostName)));
  return d.encode(d.seq(items));
}

export function decodeDeviceInfo(der: Uint8Array): DeviceInfo {
  const bad = (field: string, expected: string) => err.DEVICE_INFO_MALFORMED({ field, expected });
  const [version, host, nonce, generation, firmware, hostName] = d.children(d.parseDer(der, 'device details'));
  if (d.intOf(version) !== 1n) throw bad('version', 'must be 1');
  const hostFingerprint = octetsIn(host, 8, 32);
  if (!hostFingerprint) throw bad('hostFingerprint', 'must be 8 to 32 bytes');
  const nonceBytes = octetsIn(nonce, 16, 16);
  if (!nonceBytes) throw bad('nonce', 'must be 16 bytes');
  const gen = d.intOf(generation);
  if (gen === undefined || gen < 1n || gen > BigInt(MAX_GENERATION))
    throw bad('generation', `must be 1 to ${MAX_GENERATION}`);
  const fw = d.stringOf(firmware);
  if (!fw || !SAFE_TEXT.test(fw)) throw bad('firmware', 'must be 1 to 64 letters, digits or . _ : / ( ) + -');
  const info: DeviceInfo = { hostFingerprint, nonce: nonceBytes, generation: Number(gen), firmware: fw };
  if (hostName !== undefined) {
    const name = d.isContext(hostName, 0) ? d.stringOf(d.children(hostName)[0]) : undefined;
    if (!name || !SAFE_TEXT.test(name)) throw bad('hostName', 'must be 1 to 64 letters, digits or . _ : / ( ) + -');
    info.hostName = name;
  }
  return info;
}

export function encodeLicenceInfo(info: LicenceInfo): Buffer {
  const features = info.features.map((f) => {
    const items = [d.int(f.number), d.int(f.quantity)];
    if (f.notAfter) items.push(d.generalizedTime(f.notAfter));
    if (f.source !== 'grant') items.push(d.explicit(0, d.int(LICENCE_SOURCES.indexOf(f.source))));
    return d.seq(items);
  });
  const b = info.binding;
  const binding = d.seq([d.octets(b.hostFingerprint), d.octets(b.nonce), d.int(b.generation)]);
  return d.encode(d.seq([d.int(1), d.seq(features), binding]));
}

export function decodeLicenceInfo(der: Uint8Array): LicenceInfo {
  const bad = (field: string, expected: string) => err.LICENCE_INFO_MALFORMED({ field, expected });
  const [version, features, binding, extra] = d.children(d.parseDer(der, 'licence extension'));
  if (d.intOf(version) !== 1n) throw bad('version', 'must be 1');
  if (!d.is(features, d.T.SEQUENCE) || !d.is(binding, d.T.SEQUENCE) || extra)
    throw bad('structure', 'is not version 1');
  const list = d
    .children(features)
    .map((f, i) => decodeFeature(f, (what) => bad(`feature ${i + 1} ${what}`, 'is invalid')));
  const [host, nonce, generation] = d.children(binding);
  const hostFingerprint = octetsIn(host, 8, 32);
  const nonceBytes = octetsIn(nonce, 16, 16);
  const gen = d.intOf(generation);
  if (!hostFingerprint || !nonceBytes || gen === undefined || gen < 1n || gen > BigInt(MAX_GENERATION))
    throw bad('binding', 'is invalid');
  return { features: list, binding: { hostFingerprint, nonce: nonceBytes, generation: Number(gen) } };
}

function decodeFeature(node: d.Node, bad: (what: string) => Error): LicensedFeature {
  const items = d.children(node);
  const number = d.intOf(items[0]);
  const quantity = d.intOf(items[1]);
  if (number === undefined || number < 1n || number > 65535n) throw bad('number');
  if (quantity === undefined || quantity < 1n || quantity > 100000n) throw bad('quantity');
  let rest = items.slice(2);
  let notAfter: Date | null = null;
  if (rest[0] && d.is(rest[0], d.T.GENERALIZEDTIME)) {
    notAfter = d.timeOf(rest[0]) ?? null;
    if (!notAfter) throw bad('end date');
    rest = rest.slice(1);
  }
  let source: LicenceSource = 'grant';
  if (rest[0]) {
    const idx = d.isContext(rest[0], 0) ? d.intOf(d.children(rest[0])[0]) : undefined;
    const s = idx === undefined ? undefined : LICENCE_SOURCES[Number(idx)];
    if (!s) throw bad('source');
    source = s;
    rest = rest.slice(1);
  }
  if (rest.length) throw bad('structure');
  return { number: Number(number), quantity: Number(quantity), notAfter, source };
}

function octetsIn(n: d.Node | undefined, min: number, max: number): Uint8Array | undefined {
  if (!d.is(n, d.T.OCTETSTRING)) return undefined;
  const b = d.bytesOf(n);
  return b.length >= min && b.length <= max ? new Uint8Array(b) : undefined;
}
