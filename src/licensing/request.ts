// The initialisation code's content: a PKCS#10 request (RFC 2986) made by the PBX with a fresh key.
import type { KeyObject } from 'node:crypto';
import { err } from '../shared/errors';
import * as d from './der';
import { decodeDeviceInfo, encodeDeviceInfo, type DeviceInfo } from './extensions';
import { inspectPublicKey, signatureAlgorithmFor, signWith, verifySignature, type PublicKeyInfo } from './keys';
import { decodeSubject, encodeSubject, type SubjectFields } from './names';
import { OID } from './oids';

export interface ParsedRequest extends SubjectFields {
  key: PublicKeyInfo;
  spkiDer: Buffer;
  /** Absent for a plain `openssl req` request, which carries no device details. */
  device?: DeviceInfo;
  der: Uint8Array;
}

export function buildRequest(
  opts: SubjectFields & { privateKey: KeyObject; publicKey: KeyObject; device?: DeviceInfo },
): Buffer {
  const spki = d.raw(opts.publicKey.export({ type: 'spki', format: 'der' }));
  const attributes = opts.device ? [extensionRequest(encodeDeviceInfo(opts.device))] : [];
  const info = d.seq([d.int(0), encodeSubject(opts), spki, d.context(0, attributes)]);
  const infoDer = d.encode(info);
  const alg = signatureAlgorithmFor(opts.privateKey);
  return d.encode(
    d.seq([d.raw(infoDer), d.seq(algorithmParams(alg)), d.bitString(signWith(opts.privateKey, infoDer))]),
  );
}

const algorithmParams = (alg: string): d.Node[] => [d.oid(alg)];

function extensionRequest(deviceInfoDer: Uint8Array): d.Node {
  const ext = d.seq([d.oid(OID.deviceInfo), d.octets(deviceInfoDer)]);
  return d.seq([d.oid(OID.extensionRequest), d.set([d.seq([ext])])]);
}

/** Parses and checks a request: structure, subject, key, signature, device details. */
export function parseRequest(der: Uint8Array): ParsedRequest {
  const root = d.parseDer(der, 'initialisation code');
  const [info, algId, sig, extra] = d.children(root);
  const [version, subject, spki, attrs] = d.children(info);
  if (
    !d.is(root, d.T.SEQUENCE) ||
    !d.is(info, d.T.SEQUENCE) ||
    !d.is(algId, d.T.SEQUENCE) ||
    extra ||
    d.intOf(version) !== 0n ||
    !d.is(spki, d.T.SEQUENCE)
  ) {
    throw err.REQUEST_MALFORMED({ variant: 'notPkcs10' });
  }
  const fields = decodeSubject(subject, 'request');
  const spkiDer = d.derOf(spki);
  const key = inspectPublicKey(spkiDer);
  const signature = d.bitStringBytes(sig);
  if (!signature) throw err.REQUEST_MALFORMED({ variant: 'signature' });
  verifySignature(d.oidOf(d.children(algId)[0]) ?? '?', key, d.firstChild(der), signature, 'initialisation code');
  const device = readExtensions(attrs);
  return { ...fields, key, spkiDer, der, ...(device ? { device } : {}) };
}

/** Reads the extensionRequest attribute: our device details, and a refusal if CA status is asked. */
function readExtensions(attrs: d.Node | undefined): DeviceInfo | undefined {
  if (attrs && !d.isContext(attrs, 0)) throw err.REQUEST_MALFORMED({ variant: 'attributes' });
  let device: DeviceInfo | undefined;
  for (const attr of d.children(attrs)) {
    const [type, values] = d.children(attr);
    if (d.oidOf(type) !== OID.extensionRequest) continue;
    for (const ext of d.children(d.children(values)[0])) {
      const parts = d.children(ext);
      const id = d.oidOf(parts[0]);
      const value = parts[parts.length - 1];
      if (!value || !d.is(value, d.T.OCTETSTRING))
        throw err.REQUEST_MALFORMED({ variant: 'emptyExtension', id: id ?? '?' });
      if (id === OID.deviceInfo) device = decodeDeviceInfo(d.bytesOf(value));
      if (id === OID.basicConstraints && asksForCa(d.bytesOf(value))) {
        throw err.REQUEST_ASKS_CA();
      }
    }
  }
  return device;
}

function asksForCa(value: Uint8Array): boolean {
  const first = d.children(d.parseDer(value, 'basicConstraints'))[0];
  return d.is(first, d.T.BOOLEAN) && first.value === '\xff';
}
