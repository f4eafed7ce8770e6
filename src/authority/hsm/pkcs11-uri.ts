// A PKCS#11 URI (RFC 7512) naming the issuing key in a hardware module, parsed strictly: a typo
// in an attribute would otherwise silently match another key or none. We accept the attributes a
// vendor needs to name one private key in one token, and say which part is wrong otherwise.
import { readFileSync } from 'node:fs';
import { err } from '../../shared/errors';

export interface Pkcs11Uri {
  /** Token attributes, compared with the token info (blank padding removed). */
  token: { label: string; serial?: string; manufacturer?: string; model?: string };
  /** The private key: CKA_LABEL and/or CKA_ID. */
  object?: string;
  id?: Buffer;
  modulePath: string;
  /** Where the user PIN comes from; resolved only when the token is opened. */
  pin: { source: 'env'; name: string } | { source: 'file'; path: string } | { source: 'value'; value: string };
}

const PATH_ATTRS = new Set(['token', 'serial', 'manufacturer', 'model', 'object', 'id', 'type']);
const QUERY_ATTRS = new Set(['module-path', 'pin-source', 'pin-value']);
// RFC 7512 pchar/qchar without the separators, plus the percent sign that starts an escape.
const VALUE = /^(?:[A-Za-z0-9\-._~!$'()*+,=:@&/]|%[0-9A-Fa-f]{2})*$/;

const bad = (part: string, why: string) => err.PKCS11_URI_INVALID({ part, why });

export function parsePkcs11Uri(uri: string): Pkcs11Uri {
  if (!uri.startsWith('pkcs11:')) throw bad('the scheme', 'must be "pkcs11:"');
  const [path = '', query, extra] = uri.slice('pkcs11:'.length).split('?');
  if (extra !== undefined) throw bad('the query', 'has more than one "?"');
  const p = attributes(path, ';', PATH_ATTRS, 'path');
  const q = attributes(query ?? '', '&', QUERY_ATTRS, 'query');
  if (p.has('type') && text(p, 'type') !== 'private')
    throw bad('type', `must be "private" (the issuing key), not "${text(p, 'type')}"`);
  const label = p.has('token') ? text(p, 'token') : undefined;
  if (!label) throw bad('token', 'is missing: name the token by its label (token=…)');
  if (!p.has('object') && !p.has('id')) throw bad('object', 'is missing: name the key (object=… or id=…)');
  const modulePath = q.has('module-path') ? text(q, 'module-path') : undefined;
  if (!modulePath?.startsWith('/'))
    throw bad('module-path', 'is missing or not absolute: give the module file (module-path=/usr/lib/…/lib….so)');
  return {
    token: { label, ...optional(p, 'serial'), ...optional(p, 'manufacturer'), ...optional(p, 'model') },
    ...(p.has('object') ? { object: text(p, 'object') } : {}),
    ...(p.has('id') ? { id: p.get('id')! } : {}),
    modulePath,
    pin: pinOf(q),
  };
}

/** The user PIN, read only now so that it never sits in a parsed structure longer than needed. */
export function resolvePin(pin: Pkcs11Uri['pin']): string {
  if (pin.source === 'value') return pin.value;
  if (pin.source === 'env') {
    const value = process.env[pin.name];
    if (!value) throw err.HSM_PIN_MISSING({ variant: 'env', name: pin.name });
    return value;
  }
  try {
    return readFileSync(pin.path, 'utf8').replace(/\r?\n$/, '');
  } catch (e) {
    throw err.HSM_PIN_MISSING({
      variant: 'file',
      path: pin.path,
      reason: (e as NodeJS.ErrnoException).code ?? 'unreadable',
    });
  }
}

function attributes(part: string, sep: string, allowed: Set<string>, where: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  if (part === '') return out;
  for (const item of part.split(sep)) {
    const eq = item.indexOf('=');
    const name = eq < 0 ? item : item.slice(0, eq);
    if (eq < 0) throw bad(`"${item}"`, `in the ${where} has no "=value"`);
    if (!allowed.has(name))
      throw bad(`"${name}"`, `is not a ${where} attribute we support (${[...allowed].join(', ')})`);
    if (out.has(name)) throw bad(name, 'is given twice');
    const value = item.slice(eq + 1);
    if (!VALUE.test(value)) throw bad(name, 'has a character that must be percent-encoded, or a broken %XX escape');
    out.set(name, percentDecode(value));
  }
  return out;
}

/** %XX escapes to bytes (an id is raw bytes; the other values are UTF-8 text). */
function percentDecode(value: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '%') {
      bytes.push(parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(value.charCodeAt(i));
  }
  return Buffer.from(bytes);
}

function text(m: Map<string, Buffer>, name: string): string {
  const s = m.get(name)!.toString('utf8');
  if (s.includes('\uFFFD')) throw bad(name, 'is not valid UTF-8');
  return s;
}

const optional = (m: Map<string, Buffer>, name: 'serial' | 'manufacturer' | 'model') =>
  m.has(name) ? { [name]: text(m, name) } : {};

function pinOf(q: Map<string, Buffer>): Pkcs11Uri['pin'] {
  if (q.has('pin-source') && q.has('pin-value')) throw bad('pin-source', 'and pin-value exclude each other');
  if (q.has('pin-value')) return { source: 'value', value: text(q, 'pin-value') };
  if (!q.has('pin-source'))
    throw bad('pin-source', 'is missing: say where the PIN comes from (pin-source=env:VAR or pin-source=file:/path)');
  const source = text(q, 'pin-source');
  const env = /^env:([A-Za-z_][A-Za-z0-9_]*)$/.exec(source);
  if (env) return { source: 'env', name: env[1]! };
  const file = /^file:(\/.*)$/.exec(source);
  if (file) return { source: 'file', path: file[1]! };
  throw bad('pin-source', `must be env:VARIABLE or file:/absolute/path, not "${source}"`);
}
