// Subject names. We only ever read and write two attributes, serialNumber and CN, and we refuse
// text a human could be fooled by (control characters, bidi overrides, invisible characters).
import { err } from '../shared/errors';
import * as d from './der';
import { OID } from './oids';

export interface SubjectFields {
  serial: string;
  /** The model id (CN); optional because a plain `openssl req` may omit it. */
  model?: string;
}

const SERIAL = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const MODEL = /^[a-z0-9][a-z0-9-]{0,39}$/;
const UNSAFE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

export function checkSerial(serial: string, where = 'serial number'): string {
  const bad = UNSAFE.exec(serial);
  if (bad) {
    const cp = bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    throw err.SUBJECT_UNSAFE_TEXT({ variant: 'where', where, cp, position: bad.index + 1 });
  }
  if (!SERIAL.test(serial)) {
    throw err.SERIAL_INVALID({ variant: 'name', where, serial });
  }
  return serial;
}

export function checkModel(model: string): string {
  if (UNSAFE.test(model) || !MODEL.test(model)) {
    throw err.MODEL_INVALID({ model: model.replace(UNSAFE, '?') });
  }
  return model;
}

export function encodeSubject(s: SubjectFields): d.Node {
  const rdns = [d.set([d.seq([d.oid(OID.serialNumber), d.printable(checkSerial(s.serial))])])];
  if (s.model) rdns.push(d.set([d.seq([d.oid(OID.commonName), d.utf8(checkModel(s.model))])]));
  return d.seq(rdns);
}

/** Reads a Name holding serialNumber and optionally CN, one attribute per RDN. */
export function decodeSubject(name: d.Node | undefined, what: string): SubjectFields {
  const fields: Partial<Record<string, string>> = {};
  for (const rdn of d.children(name)) {
    const attrs = d.children(rdn);
    if (attrs.length !== 1) throw err.SUBJECT_UNSUPPORTED({ variant: 'multiValued', what });
    const [type, value] = d.children(attrs[0]);
    const oid = d.oidOf(type);
    const text = d.stringOf(value);
    if (oid !== OID.serialNumber && oid !== OID.commonName) {
      throw err.SUBJECT_UNSUPPORTED({ variant: 'attribute', what, oid: oid ?? '?' });
    }
    if (text === undefined)
      throw err.SUBJECT_UNSUPPORTED({
        variant: 'notText',
        what,
        attribute: oid === OID.serialNumber ? 'serialNumber' : 'CN',
      });
    if (fields[oid] !== undefined) throw err.SUBJECT_UNSUPPORTED({ variant: 'repeated', what });
    fields[oid] = text;
  }
  const serial = fields[OID.serialNumber];
  if (serial === undefined) throw err.SUBJECT_NO_SERIAL({ what });
  checkSerial(serial, `${what}'s serialNumber`);
  const model = fields[OID.commonName];
  if (model !== undefined) {
    const cp = UNSAFE.exec(model);
    if (cp) throw err.SUBJECT_UNSAFE_TEXT({ variant: 'cn', what, position: cp.index + 1 });
    checkModel(model);
  }
  return model === undefined ? { serial } : { serial, model };
}

/** A distinguished name for our CA certificates: O and CN as UTF8. */
export function caName(commonName: string): d.Node {
  return d.seq([
    d.set([d.seq([d.oid(OID.organizationName), d.utf8('Licence Desk')])]),
    d.set([d.seq([d.oid(OID.commonName), d.utf8(commonName)])]),
  ]);
}
