// The two codes as the user sees them: armoured text (or PEM) in, DER out, and back.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { inputError } from '../shared/errors';
import { MAX_CODE_TEXT } from '../shared/typed-codes/limits';
import { armour, unarmour, type CodeKind } from './armour';
import { MAX_DER_BYTES, readHeader } from './der';
import { fromPem, isPem, toPem } from './pem';

export interface DecodedCode {
  kind: CodeKind;
  /** init: [request]; answer: [leaf, ...chain towards the root] */
  ders: Uint8Array[];
  format: 'code' | 'pem';
}

export const encodeInitCode = (requestDer: Uint8Array): string => armour('init', requestDer);

/**
 * An answer's payload is its certificates' DER back to back, raw-DEFLATEd: the leaf and its CA
 * share names, key identifiers and OIDs, which makes the code about a quarter shorter to type.
 */
export function encodeAnswerCode(leafDer: Uint8Array, chain: Uint8Array[]): string {
  return armour('answer', deflateRawSync(concat([leafDer, ...chain]), { level: 9, windowBits: 11, memLevel: 4 }));
}

function inflateAnswer(payload: Uint8Array): Uint8Array {
  try {
    // The cap stops a small code from unpacking into something huge.
    return inflateRawSync(payload, { maxOutputLength: 2 * MAX_DER_BYTES });
  } catch {
    throw inputError(
      'ANSWER_MALFORMED',
      'The answer code passed its checks but its content cannot be unpacked: it was not made by Licence Desk.',
    );
  }
}

/** Any pasted text: an armoured code or PEM. `expected` makes a wrong kind a specific error. */
export function decodeCode(text: string, expected: CodeKind | 'any'): DecodedCode {
  if (text.length > MAX_CODE_TEXT) {
    throw inputError(
      'CODE_TOO_LARGE',
      `The pasted text is ${text.length} characters; a code is at most ${MAX_CODE_TEXT}.`,
    );
  }
  if (isPem(text)) return fromPemBlocks(text, expected);
  const { kind, payload } = unarmour(text, expected);
  return { kind, ders: kind === 'init' ? [payload] : splitDer(inflateAnswer(payload)), format: 'code' };
}

function fromPemBlocks(text: string, expected: CodeKind | 'any'): DecodedCode {
  const blocks = fromPem(text);
  const kinds = new Set(
    blocks.map((b) => (b.label === 'CERTIFICATE' ? 'answer' : b.label === 'CERTIFICATE REQUEST' ? 'init' : 'other')),
  );
  if (kinds.has('other') || kinds.size !== 1) {
    throw inputError(
      'PEM_UNEXPECTED',
      'The PEM text must hold one CERTIFICATE REQUEST, or CERTIFICATE blocks (the answer first, then its chain).',
    );
  }
  const kind: CodeKind = kinds.has('init') ? 'init' : 'answer';
  if (expected !== 'any' && kind !== expected) throw wrongKind(kind);
  if (kind === 'init' && blocks.length !== 1)
    throw inputError('PEM_UNEXPECTED', 'Paste one certificate request at a time.');
  return { kind, ders: blocks.map((b) => b.der), format: 'pem' };
}

export const wrongKind = (found: CodeKind) =>
  inputError(
    'CODE_WRONG_KIND',
    found === 'answer'
      ? 'You pasted an answer code where an initialisation code belongs.'
      : 'You pasted an initialisation code where an answer code belongs.',
  );

export function codeToPem(code: DecodedCode): string {
  return code.ders.map((der) => toPem(code.kind === 'init' ? 'CERTIFICATE REQUEST' : 'CERTIFICATE', der)).join('');
}

/** An answer payload is the certificates' DER back to back; each one says its own length. */
export function splitDer(payload: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0; at < payload.length;) {
    if (payload[at] !== 0x30 || payload.length - at < 2)
      throw inputError('ANSWER_MALFORMED', `The answer's certificate ${out.length + 1} does not start a DER sequence.`);
    const h = readHeader(payload, at);
    const end = at + h.headerLength + h.length;
    if (end > payload.length || h.length > MAX_DER_BYTES)
      throw inputError('ANSWER_MALFORMED', `The answer's certificate ${out.length + 1} is cut short.`);
    out.push(payload.subarray(at, end));
    at = end;
  }
  if (out.length === 0) throw inputError('ANSWER_MALFORMED', 'The answer holds no certificate.');
  return out;
}

const concat = (parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
