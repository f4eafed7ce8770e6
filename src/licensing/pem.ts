// PEM (RFC 7468) in and out, so that every code can be checked with OpenSSL and every PEM file
// can be pasted wherever a code is accepted. Reading is lax on purpose: PEM arrives through mail
// and chat, re-wrapped, indented, quoted ("> ") and surrounded by prose. Runs in the browser too,
// hence @scure/base rather than Node's Buffer.
import { base64 } from '@scure/base';
import { err, type LdError } from '../shared/errors';

export type PemLabel = 'CERTIFICATE' | 'CERTIFICATE REQUEST';

/** Larger texts are refused before scanning: a chain of a few certificates is a few KiB. */
export const MAX_PEM_TEXT = 1024 * 1024;
const LINE = 64;

/** Old names some tools still write, mapped to the RFC 7468 label. */
const ALIASES: Readonly<Record<string, string>> = {
  'NEW CERTIFICATE REQUEST': 'CERTIFICATE REQUEST',
  'X509 CERTIFICATE': 'CERTIFICATE',
  'X.509 CERTIFICATE': 'CERTIFICATE',
};

const DELETED = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const MAIL_QUOTE = /^[ \t\u00A0]*(?:>[ \t\u00A0]?)+/gm;
const BOUNDARY = /-----(BEGIN|END) ([A-Z0-9][A-Z0-9 .]*)-----/gi;
const BASE64_BODY = /^[A-Za-z0-9+/]*={0,2}$/;

export function toPem(label: PemLabel, der: Uint8Array): string {
  const body = base64.encode(der);
  const lines: string[] = [];
  for (let at = 0; at < body.length; at += LINE) lines.push(body.slice(at, at + LINE));
  return [`-----BEGIN ${label}-----`, ...lines, `-----END ${label}-----`, ''].join('\n');
}

/** Cheap sniff: does the text contain a PEM BEGIN line? */
export function isPem(text: string): boolean {
  return /-----BEGIN [A-Z0-9][A-Z0-9 .]*-----/i.test(text.replace(DELETED, ''));
}

/** Every PEM block in the text, in order; text outside the blocks is ignored. */
export function fromPem(text: string): { label: string; der: Uint8Array }[] {
  if (text.length > MAX_PEM_TEXT) {
    throw err.PEM_TOO_LARGE({ limitKiB: MAX_PEM_TEXT / 1024, limit: MAX_PEM_TEXT });
  }
  const clean = text.replace(DELETED, '').replace(MAIL_QUOTE, '');
  const boundaries = [...clean.matchAll(BOUNDARY)].map((m) => ({
    begin: m[1]!.toUpperCase() === 'BEGIN',
    label: normaliseLabel(m[2]!),
    start: m.index,
    end: m.index + m[0].length,
  }));
  const blocks: { label: string; der: Uint8Array }[] = [];
  for (let i = 0; i < boundaries.length; i++) {
    const open = boundaries[i]!;
    const number = blocks.length + 1;
    if (!open.begin) throw malformed(number, open.label, `has an END line without a BEGIN line before it`);
    const close = boundaries[i + 1];
    if (!close || close.begin) throw malformed(number, open.label, 'has no END line: the text may be cut off');
    if (close.label !== open.label) throw malformed(number, open.label, `ends as ${close.label}`);
    blocks.push({ label: open.label, der: decodeBody(clean.slice(open.end, close.start), number, open.label) });
    i++;
  }
  return blocks;
}

function decodeBody(body: string, number: number, label: string): Uint8Array {
  const compact = body.replace(/\s+/g, '');
  if (compact.length === 0) throw malformed(number, label, 'is empty');
  if (!BASE64_BODY.test(compact)) {
    const bad =
      [...compact].find((ch, at) => !/[A-Za-z0-9+/=]/.test(ch) || (ch === '=' && at < compact.length - 2)) ?? '=';
    throw malformed(
      number,
      label,
      `contains "${bad}", which is not base64: the text between the BEGIN and END lines was changed`,
    );
  }
  if (compact.length % 4 !== 0)
    throw malformed(
      number,
      label,
      `is cut short: its base64 text has ${compact.length} characters, not a multiple of 4`,
    );
  try {
    return base64.decode(compact);
  } catch {
    throw malformed(number, label, 'has base64 text that does not decode');
  }
}

function normaliseLabel(raw: string): string {
  const label = raw.trim().replace(/\s+/g, ' ').toUpperCase();
  return ALIASES[label] ?? label;
}

function malformed(number: number, label: string, problem: string): LdError {
  return err.PEM_MALFORMED({ block: number, label, problem });
}
