// The two codes as the user sees them: armoured text (or PEM) in, DER out, and back.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { err } from '../shared/errors';
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
    throw err.ANSWER_MALFORMED({ variant: 'foreign' });
  }
}

/** Any pasted text: an armoured code or PEM. `expected` makes a wrong kind a specific error. */
export function decodeCode(text: string, expected: CodeKind | 'any'): DecodedCode {
  if (text.length > MAX_CODE_TEXT) {
    throw err.CODE_TOO_LARGE({ variant: 'characters', length: text.length, limit: MAX_CODE_TEXT });
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
    throw err.PEM_UNEXPECTED({ variant: 'mixed' });
  }
  const kind: CodeKind = kinds.has('init') ? 'init' : 'answer';
  if (expected !== 'any' && kind !== expected) throw wrongKind(kind);
  if (kind === 'init' && blocks.length !== 1) throw err.PEM_UNEXPECTED({ variant: 'oneRequest' });
  return { kind, ders: blocks.map((b) => b.der), format: 'pem' };
}

export const wrongKind = (found: CodeKind) =>
  err.CODE_WRONG_KIND({ variant: found === 'answer' ? 'answerForInit' : 'initForAnswer' });

export function codeToPem(code: DecodedCode): string {
  return code.ders.map((der) => toPem(code.kind === 'init' ? 'CERTIFICATE REQUEST' : 'CERTIFICATE', der)).join('');
}

/** An answer payload is the certificates' DER back to back; each one says its own length. */
export function splitDer(payload: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0; at < payload.length;) {
    if (payload[at] !== 0x30 || payload.length - at < 2)
      throw err.ANSWER_MALFORMED({ variant: 'notSequence', index: out.length + 1 });
    const h = readHeader(payload, at);
    const end = at + h.headerLength + h.length;
    if (end > payload.length || h.length > MAX_DER_BYTES)
      throw err.ANSWER_MALFORMED({ variant: 'cutShort', index: out.length + 1 });
    out.push(payload.subarray(at, end));
    at = end;
  }
  if (out.length === 0) throw err.ANSWER_MALFORMED({ variant: 'empty' });
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
