// Text armour for Licence Desk codes: opaque DER bytes as text a person can copy, paste, mail or
// retype, where every mistake is found and placed instead of failing deep in an ASN.1 parser.
// Format v1 (docs/formats.md, "Text armour"):
//
//   REQ1-XXXXXXXC-XXXXXXXC-XXXXXXXC-XXXXXXXC-XXXXXXXC-XXXXXXXC
//   XXXXXXXC-XXXXXXXC-…                 (6 groups a line; the tag starts the first line)
//
// - tag: REQ (initialisation code) or ANS (answer code), then the one-digit format version;
// - data: [u16 BE payload length][payload][u32 BE CRC-32 of length + payload] in upper-case
//   Crockford base32, padded with '0' characters to a multiple of 7. The length header tells the
//   decoder where the data ends, so the padding needs no marker, and it must be all '0';
// - groups of 7 data characters + 1 check character (shared/typed-codes/gf32.ts), numbered from 1
//   after the tag. How pasted text is read (separators, noise, re-wrapped lines) is
//   shared/typed-codes/pasted-text.ts, which the renderer uses to mark the same groups.
import { base32crockford } from '@scure/base';
import CRC32 from 'crc-32';
import { err, type LdError } from '../shared/errors';
import { ALPHABET, CANONICAL_VALUE, canonicalText, isCodeChar, valueOf } from '../shared/typed-codes/alphabet';
import { GROUP_DATA, GROUP_SIZE, checkValue, groupPasses, locateFaults } from '../shared/typed-codes/gf32';
import { MAX_CODE_TEXT } from '../shared/typed-codes/limits';
import { charsAt, joinWrapped, scanTyped } from '../shared/typed-codes/pasted-text';

export { GROUP_DATA, GROUP_SIZE };
export type CodeKind = 'init' | 'answer';

export const FORMAT_VERSION = 1;
export const GROUPS_PER_LINE = 6;

const TAGS: Record<CodeKind, string> = { init: 'REQ', answer: 'ANS' };
const NAMES: Record<CodeKind, string> = { init: 'initialisation code', answer: 'answer code' };
const TAG_PATTERN = /^(REQ|ANS)([0-9])/;
const TAG_LENGTH = 4;
const HEADER_BYTES = 2;
const CRC_BYTES = 4;
const SHOWN_GROUPS = 5;

interface Group {
  index: number;
  typed: string;
  values: number[];
}

export function armour(kind: CodeKind, payload: Uint8Array): string {
  if (payload.length > 0xffff) throw payloadTooLarge(payload.length);
  const end = HEADER_BYTES + payload.length;
  const body = new Uint8Array(end + CRC_BYTES);
  const view = new DataView(body.buffer);
  view.setUint16(0, payload.length);
  body.set(payload, HEADER_BYTES);
  view.setUint32(end, crc(body.subarray(0, end)));
  const data = base32crockford.encode(body);
  const padded = data.padEnd(Math.ceil(data.length / GROUP_DATA) * GROUP_DATA, '0');
  const groups: string[] = [];
  const values = new Array<number>(GROUP_DATA);
  for (let at = 0; at < padded.length; at += GROUP_DATA) {
    for (let i = 0; i < GROUP_DATA; i++) values[i] = CANONICAL_VALUE[padded.charCodeAt(at + i)]!;
    groups.push(padded.substr(at, GROUP_DATA) + ALPHABET[checkValue(groups.length + 1, values)]);
  }
  const lines = [[`${TAGS[kind]}${FORMAT_VERSION}`, ...groups.slice(0, GROUPS_PER_LINE)].join('-')];
  for (let at = GROUPS_PER_LINE; at < groups.length; at += GROUPS_PER_LINE)
    lines.push(groups.slice(at, at + GROUPS_PER_LINE).join('-'));
  const text = lines.join('\n');
  if (text.length > MAX_CODE_TEXT) throw payloadTooLarge(payload.length);
  return text;
}

export function unarmour(text: string, expected: CodeKind | 'any'): { kind: CodeKind; payload: Uint8Array } {
  checkSize(text);
  const fast = fastUnarmour(text, expected);
  if (fast) return fast;
  const tokens = tokenise(text);
  const first = tokens[0];
  if (first === undefined) throw err.CODE_EMPTY();
  const kind = readTag(
    first,
    expected,
    tokens.slice(1).find((t) => TAG_PATTERN.test(canonical(t))),
  );
  const groups = toGroups([first.slice(TAG_LENGTH), ...tokens.slice(1)].filter((t) => t.length > 0));
  const tag = `${TAGS[kind]}${FORMAT_VERSION}`;
  if (groups.length === 0) throw err.CODE_TRUNCATED({ variant: 'tagOnly', tag, found: 0, expected: null });
  // An intact first group says where the code ends: groups after that are reported as surplus,
  // not as typos, and do not hide real typos before the end.
  const header = readHeader(groups[0]!.values);
  checkGroups(groups.slice(0, groupPasses(1, groups[0]!.values) ? header.groups : groups.length));
  return { kind, payload: readData(groups, header) };
}

// A code exactly as armour() wrote it (what a server or the app sees nearly always).
const CANONICAL = /^(REQ|ANS)1((?:-[0-9A-HJKMNP-TV-Z]{8})+(?:\n[0-9A-HJKMNP-TV-Z]{8}(?:-[0-9A-HJKMNP-TV-Z]{8})*)*)\n?$/;

/**
 * The fast path: a canonical code whose every check passes decodes here without the tolerant
 * tokeniser (~10× faster). Anything else, including every faulty code, returns undefined and
 * takes the diagnostic path, so errors are reported in one place only.
 */
function fastUnarmour(text: string, expected: CodeKind | 'any'): { kind: CodeKind; payload: Uint8Array } | undefined {
  const m = CANONICAL.exec(text);
  if (!m) return undefined;
  const kind: CodeKind = m[1] === 'REQ' ? 'init' : 'answer';
  if (expected !== 'any' && expected !== kind) return undefined;
  const chars = m[2]!.replace(/[-\n]/g, '');
  const data: string[] = [];
  const values = new Array<number>(GROUP_SIZE);
  for (let g = 0; g * GROUP_SIZE < chars.length; g++) {
    for (let i = 0; i < GROUP_SIZE; i++) values[i] = CANONICAL_VALUE[chars.charCodeAt(g * GROUP_SIZE + i)]!;
    if (!groupPasses(g + 1, values)) return undefined;
    data.push(chars.substr(g * GROUP_SIZE, GROUP_DATA));
  }
  const groups = data.length;
  const header = readHeader([...data[0]!].map((ch) => CANONICAL_VALUE[ch.charCodeAt(0)]!));
  if (header.groups !== groups) return undefined;
  const all = data.join('');
  if (!/^0*$/.test(all.slice(header.dataChars))) return undefined;
  let body: Uint8Array;
  try {
    body = base32crockford.decode(all.slice(0, header.dataChars));
  } catch {
    return undefined;
  }
  const end = HEADER_BYTES + header.length;
  if (
    body.length < end + CRC_BYTES ||
    new DataView(body.buffer, body.byteOffset).getUint32(end) !== crc(body.subarray(0, end))
  )
    return undefined;
  return { kind, payload: body.slice(HEADER_BYTES, end) };
}

/** Number of code characters (tag, data and check characters); separators and noise not counted. */
export function codeChars(code: string): number {
  return tokenise(code).reduce((sum, token) => sum + token.length, 0);
}

/** Cheap sniff: once tidied, does the text start with a code tag (of any version)? */
export function looksLikeArmour(text: string): boolean {
  const first = tokenise(text.slice(0, 1024))[0];
  return first !== undefined && TAG_PATTERN.test(canonical(first));
}

/** The code's tokens (groups, or runs of groups written without separators), as typed. */
function tokenise(text: string): string[][] {
  const scan = scanTyped(text);
  return joinWrapped(scan.fragments, GROUP_SIZE, { lead: TAG_LENGTH }).map((at) => charsAt(scan, at));
}

function checkSize(text: string): void {
  // The string length is free; the UTF-8 length is only worth computing when it could matter.
  const over =
    text.length > MAX_CODE_TEXT ||
    (text.length * 3 > MAX_CODE_TEXT && new TextEncoder().encode(text).length > MAX_CODE_TEXT);
  if (!over) return;
  throw err.CODE_TOO_LARGE({ variant: 'text', limitKiB: MAX_CODE_TEXT / 1024, limit: MAX_CODE_TEXT });
}

/** `later`: a tag-like token further on, which means prose was pasted along with the code. */
function readTag(first: string[], expected: CodeKind | 'any', later?: string[]): CodeKind {
  const tag = canonical(first);
  const match = TAG_PATTERN.exec(tag);
  if (!match) {
    const start = shorten(first.join(''), 12);
    const hint = later
      ? ` A code seems to begin further on at "${shorten(later.join(''), 12)}": paste only the code itself.`
      : '';
    throw err.CODE_NOT_RECOGNISED({ start, hint });
  }
  const kind: CodeKind = match[1] === 'REQ' ? 'init' : 'answer';
  const version = Number(match[2]);
  if (version !== FORMAT_VERSION) {
    throw err.CODE_UNSUPPORTED_VERSION({ version, kindName: NAMES[kind], tag, supported: FORMAT_VERSION });
  }
  if (expected !== 'any' && expected !== kind) {
    throw err.CODE_WRONG_KIND({
      variant: 'kinds',
      kindName: NAMES[kind],
      expectedName: NAMES[expected],
      expected,
      found: kind,
    });
  }
  return kind;
}

/** Characters first, then a second code pasted after the first, then group lengths. */
function toGroups(tokens: string[][]): Group[] {
  const starts: number[] = [];
  let next = 1;
  for (const token of tokens) {
    starts.push(next);
    next += Math.ceil(token.length / GROUP_SIZE);
  }
  tokens.forEach((token, t) => {
    const bad = token.findIndex((ch) => !isCodeChar(ch));
    if (bad < 0) return;
    const within = bad - (bad % GROUP_SIZE);
    const typed = token.slice(within, within + GROUP_SIZE).join('');
    throw badCharacter(starts[t]! + within / GROUP_SIZE, typed, token[bad]!);
  });
  tokens.forEach((token, t) => {
    if (t > 0 && token.length === TAG_LENGTH && TAG_PATTERN.test(canonical(token))) {
      throw err.CODE_TOO_LONG({ variant: 'secondCode', tag: canonical(token), group: starts[t]! - 1 });
    }
    if (token.length % GROUP_SIZE !== 0) throw groupLength(starts[t]!, token, t === tokens.length - 1);
  });
  return tokens.flatMap((token, t) =>
    Array.from({ length: token.length / GROUP_SIZE }, (_, g) => {
      const chars = token.slice(g * GROUP_SIZE, (g + 1) * GROUP_SIZE);
      return { index: starts[t]! + g, typed: chars.join(''), values: chars.map(valueAt) };
    }),
  );
}

function checkGroups(groups: Group[]): void {
  const fault = locateFaults(groups.map((g) => g.values));
  if (fault.kind === 'none') return;
  const bad = fault.groups.map((i) => groups[i - 1]!);
  const details = { groups: fault.groups, texts: bad.map((g) => g.typed) };
  const [a, b] = bad.map(label);
  if (fault.kind === 'swapped')
    throw err.CODE_GROUPS_SWAPPED({ first: fault.groups[0]!, second: fault.groups[1]!, a: a!, b: b!, ...details });
  if (fault.kind === 'missing') {
    const missing = fault.groups[0]!;
    throw err.CODE_GROUP_TYPO({ variant: 'missing', missing, a: a!, original: missing + 1, ...details });
  }
  if (fault.kind === 'extra') {
    throw err.CODE_GROUP_TYPO({ variant: 'extra', groupText: capital(a!), extra: fault.groups[0]!, ...details });
  }
  throw err.CODE_GROUP_TYPO({
    variant: bad.length > 1 ? 'typos' : 'typo',
    groupsText: capital(listed(bad)),
    ...details,
  });
}

interface Header {
  length: number;
  dataChars: number;
  groups: number;
}

function readHeader(first: number[]): Header {
  const [v0 = 0, v1 = 0, v2 = 0, v3 = 0] = first;
  const length = (v0 << 11) | (v1 << 6) | (v2 << 1) | (v3 >> 4);
  const dataChars = Math.ceil(((HEADER_BYTES + length + CRC_BYTES) * 8) / 5);
  return { length, dataChars, groups: Math.ceil(dataChars / GROUP_DATA) };
}

function readData(groups: Group[], { length, dataChars, groups: expected }: Header): Uint8Array {
  if (groups.length < expected) {
    throw err.CODE_TRUNCATED({ variant: 'early', found: groups.length, expected });
  }
  if (groups.length > expected) throw tooLong(groups, expected);
  const values = groups.flatMap((g) => g.values.slice(0, GROUP_DATA));
  if (values.slice(dataChars).some((v) => v !== 0)) throw checksumError();
  let body: Uint8Array;
  try {
    body = base32crockford.decode(
      values
        .slice(0, dataChars)
        .map((v) => ALPHABET[v])
        .join(''),
    );
  } catch {
    throw checksumError(); // bits after the last byte are set: these are not the original groups
  }
  const end = HEADER_BYTES + length;
  if (new DataView(body.buffer, body.byteOffset).getUint32(end) !== crc(body.subarray(0, end))) throw checksumError();
  return body.slice(HEADER_BYTES, end);
}

function badCharacter(group: number, typed: string, ch: string): LdError {
  const code = ch.codePointAt(0) ?? 0;
  const named =
    code > 0x20 && code < 0x7f
      ? `"${ch}"`
      : `U+${code.toString(16).toUpperCase().padStart(4, '0')}${code > 0x7f ? ` ("${ch}")` : ''}`;
  return err.CODE_BAD_CHARACTER({ group, shown: shorten(typed, 20), named, text: typed, character: ch });
}

function groupLength(group: number, token: string[], last: boolean): LdError {
  const text = shorten(token.join(''), 20);
  const glued = token.length > GROUP_SIZE ? ', or a multiple of 8 for groups written without separators' : '';
  const cut = last && token.length < GROUP_SIZE ? ' The code may have been cut off here.' : '';
  // text: the group as shown (shortened); typed: all of it.
  return err.CODE_GROUP_LENGTH({
    group,
    text,
    typed: token.join(''),
    length: token.length,
    expected: GROUP_SIZE,
    glued,
    cut,
  });
}

function tooLong(groups: Group[], expected: number): LdError {
  const extra = groups.slice(expected);
  const range = extra.length === 1 ? `group ${expected + 1}` : `groups ${expected + 1} to ${groups.length}`;
  return err.CODE_TOO_LONG({
    variant: 'extraGroups',
    length: extra.length,
    plural: extra.length === 1 ? '' : 's',
    expected,
    range,
    typed: extra[0]?.typed ?? '',
    found: groups.length,
    groups: extra.map((g) => g.index),
    texts: extra.map((g) => g.typed),
  });
}

function checksumError(): LdError {
  return err.CODE_CHECKSUM();
}

function payloadTooLarge(bytes: number): LdError {
  return err.CODE_TOO_LARGE({ variant: 'bytes', bytes, limitKiB: MAX_CODE_TEXT / 1024, limit: MAX_CODE_TEXT });
}

const label = (g: Group): string => `group ${g.index} (${g.typed})`;
const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const shorten = (s: string, max: number): string => ([...s].length > max ? `${[...s].slice(0, max).join('')}…` : s);
const valueAt = (ch: string): number => valueOf(ch) ?? 0;
const canonical = (chars: string[]): string => canonicalText(chars.slice(0, TAG_LENGTH));
const crc = (bytes: Uint8Array): number => CRC32.buf(bytes) >>> 0;

/** "groups 3 (…), 7 (…) and 12 (…)", at most SHOWN_GROUPS of them named. */
function listed(groups: Group[]): string {
  if (groups.length === 1) return label(groups[0]!);
  const named = groups.slice(0, SHOWN_GROUPS).map((g) => `${g.index} (${g.typed})`);
  const rest = groups.length - named.length;
  const tail =
    rest > 0 ? `${named.join(', ')} and ${rest} more` : `${named.slice(0, -1).join(', ')} and ${named.at(-1)}`;
  return `groups ${tail}`;
}
