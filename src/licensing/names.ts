// Subject names. We only ever read and write two attributes, serialNumber and CN, and we refuse
// text a human could be fooled by (control characters, bidi overrides, invisible characters).
import { inputError } from '../shared/errors';
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
    throw inputError(
      'SUBJECT_UNSAFE_TEXT',
      `The ${where} contains an invisible or control character (U+${cp}) at position ${bad.index + 1}.`,
    );
  }
  if (!SERIAL.test(serial)) {
    throw inputError(
      'SERIAL_INVALID',
      `The ${where} "${serial}" is not valid: use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.`,
    );
  }
  return serial;
}

export function checkModel(model: string): string {
  if (UNSAFE.test(model) || !MODEL.test(model)) {
    throw inputError(
      'MODEL_INVALID',
      `The model (CN) "${model.replace(UNSAFE, '?')}" is not a model id such as comtrexx-vm.`,
    );
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
    if (attrs.length !== 1)
      throw inputError(
        'SUBJECT_UNSUPPORTED',
        `The ${what}'s subject has a multi-valued name part; only serialNumber and CN are accepted.`,
      );
    const [type, value] = d.children(attrs[0]);
    const oid = d.oidOf(type);
    const text = d.stringOf(value);
    if (oid !== OID.serialNumber && oid !== OID.commonName) {
      throw inputError(
        'SUBJECT_UNSUPPORTED',
        `The ${what}'s subject has the attribute ${oid ?? '?'}; only serialNumber (2.5.4.5) and CN are accepted.`,
      );
    }
    if (text === undefined)
      throw inputError(
        'SUBJECT_UNSUPPORTED',
        `The ${what}'s ${oid === OID.serialNumber ? 'serialNumber' : 'CN'} is not a text string.`,
      );
    if (fields[oid] !== undefined)
      throw inputError('SUBJECT_UNSUPPORTED', `The ${what}'s subject repeats an attribute.`);
    fields[oid] = text;
  }
  const serial = fields[OID.serialNumber];
  if (serial === undefined)
    throw inputError(
      'SUBJECT_NO_SERIAL',
      `The ${what} has no serialNumber in its subject, so it cannot be matched to a PBX.`,
    );
  checkSerial(serial, `${what}'s serialNumber`);
  const model = fields[OID.commonName];
  if (model !== undefined) {
    const cp = UNSAFE.exec(model);
    if (cp)
      throw inputError(
        'SUBJECT_UNSAFE_TEXT',
        `The ${what}'s CN contains an invisible or control character at position ${cp.index + 1}.`,
      );
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
