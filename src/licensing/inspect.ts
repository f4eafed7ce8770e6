// Every field of a pasted code, for people: what it is, what it says, and why it would be refused.
import type { Catalogue } from './catalogue';
import { parseCertificate, type ParsedCertificate } from './certificate';
import { decodeCode } from './codes';
import { decodeSubject } from './names';
import { parseRequest } from './request';
import { toErrorValue, type ErrorValue } from '../shared/errors';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

export interface Inspection {
  kind?: 'init' | 'answer';
  format?: 'code' | 'pem';
  ok: boolean;
  error?: ErrorValue;
  fields: Record<string, unknown>;
}

export function inspectCode(text: string, catalogue?: Catalogue): Inspection {
  let kind: 'init' | 'answer' | undefined;
  let format: 'code' | 'pem' | undefined;
  try {
    const code = decodeCode(text, 'any');
    ({ kind, format } = code);
    const fields = kind === 'init' ? inspectRequest(code.ders[0]!) : inspectAnswer(code.ders, catalogue);
    return { kind, format, ok: true, fields };
  } catch (e) {
    return { ...(kind ? { kind } : {}), ...(format ? { format } : {}), ok: false, error: toErrorValue(e), fields: {} };
  }
}

function inspectRequest(der: Uint8Array): Record<string, unknown> {
  const r = parseRequest(der);
  return {
    serial: r.serial,
    model: r.model ?? null,
    keyType: r.key.type,
    keyBits: r.key.bits,
    keyFingerprint: r.key.fingerprint,
    signature: 'valid',
    requestBytes: der.length,
    ...(r.device
      ? {
          hostFingerprint: hex(r.device.hostFingerprint),
          nonce: hex(r.device.nonce),
          generation: r.device.generation,
          firmware: r.device.firmware,
          hostName: r.device.hostName ?? null,
        }
      : { deviceDetails: 'none (a plain PKCS#10 request)' }),
  };
}

function inspectAnswer(ders: Uint8Array[], catalogue?: Catalogue): Record<string, unknown> {
  const [leaf, ...chain] = ders.map((d, i) =>
    parseCertificate(d, i === 0 ? 'answer certificate' : `chain certificate ${i}`),
  );
  const l = leaf as ParsedCertificate;
  const subject = decodeSubject(l.subject, 'answer certificate');
  const name = (n: number) => catalogue?.features.find((f) => f.number === n)?.name ?? null;
  return {
    serial: subject.serial,
    model: subject.model ?? null,
    certificateSerial: l.serialHex,
    notBefore: l.notBefore.toISOString(),
    notAfter: l.notAfter.toISOString(),
    isCa: l.isCa,
    features: (l.licence?.features ?? []).map((f) => ({
      ...f,
      name: name(f.number),
      notAfter: f.notAfter?.toISOString() ?? null,
    })),
    binding: l.licence
      ? {
          hostFingerprint: hex(l.licence.binding.hostFingerprint),
          nonce: hex(l.licence.binding.nonce),
          generation: l.licence.binding.generation,
        }
      : null,
    chain: chain.map((c) => ({ certificateSerial: c.serialHex, isCa: c.isCa, notAfter: c.notAfter.toISOString() })),
    note: 'Signatures and the chain are checked by the PBX against its trusted root (pbx install).',
  };
}
