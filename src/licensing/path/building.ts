// Path building (RFC 4158 in small): from the leaf, try every certificate whose subject is the
// name of the current issuer, trusted roots first and key-identifier matches before others,
// depth first. A certificate (same subject and key) is never used twice in one path, so loops
// end; the depth and the number of signature checks are bounded, so a pile of look-alike CAs
// cannot keep a PBX busy. When no path is found, the refusal from the deepest attempt is reported.
import { err, type LdError } from '../../shared/errors';
import type { ParsedCertificate } from '../certificate';
import { checkLink } from './links';

/** Leaf, up to eight CAs, root: far more than any reseller hierarchy needs. */
export const MAX_PATH = 10;
/** Each candidate costs one signature check; a real chain needs one per link. */
export const MAX_SIGNATURE_CHECKS = 64;

export interface Search {
  anchors: ParsedCertificate[];
  intermediates: ParsedCertificate[];
  at: Date;
  what: string;
}

interface State extends Search {
  checks: number;
  best?: { depth: number; error: unknown };
}

export function buildPath(leaf: ParsedCertificate, search: Search): ParsedCertificate[] {
  const state: State = { ...search, checks: 0 };
  const path = extend([leaf], state);
  if (path) return path;
  throw state.best?.error ?? untrusted(search.what);
}

function extend(path: ParsedCertificate[], s: State): ParsedCertificate[] | undefined {
  const current = path[path.length - 1]!;
  if (path.length >= MAX_PATH) {
    note(s, path.length, err.CHAIN_TOO_LONG({ maxPath: MAX_PATH }));
    return undefined;
  }
  let tried = false;
  for (const { ca, anchor } of candidates(current, s)) {
    if (path.some((c) => sameCa(c, ca))) continue;
    tried = true;
    if (++s.checks > MAX_SIGNATURE_CHECKS) throw err.CHAIN_TOO_COMPLEX({ maxChecks: MAX_SIGNATURE_CHECKS });
    try {
      checkLink({ path, ca, anchor, at: s.at, what: s.what });
    } catch (e) {
      note(s, path.length, e);
      continue;
    }
    if (anchor) return [...path, ca];
    const found = extend([...path, ca], s);
    if (found) return found;
  }
  if (!tried) note(s, path.length, untrusted(s.what));
  return undefined;
}

function candidates(c: ParsedCertificate, s: State): { ca: ParsedCertificate; anchor: boolean }[] {
  const byName = (list: ParsedCertificate[]) =>
    list.filter((ca) => ca.subjectDer.equals(c.issuerDer)).sort((a, b) => keyIdRank(c, a) - keyIdRank(c, b));
  return [
    ...byName(s.anchors).map((ca) => ({ ca, anchor: true })),
    ...byName(s.intermediates).map((ca) => ({ ca, anchor: false })),
  ];
}

/** 0 when the child's authorityKeyIdentifier names this CA's key, 1 when it cannot tell, 2 when it names another. */
function keyIdRank(child: ParsedCertificate, ca: ParsedCertificate): number {
  if (!child.authorityKeyId || !ca.subjectKeyId) return 1;
  return child.authorityKeyId.equals(ca.subjectKeyId) ? 0 : 2;
}

const sameCa = (a: ParsedCertificate, b: ParsedCertificate): boolean =>
  a.subjectDer.equals(b.subjectDer) && a.spkiDer.equals(b.spkiDer);

function note(s: State, depth: number, error: unknown): void {
  if (!s.best || depth > s.best.depth) s.best = { depth, error };
}

const untrusted = (what: string): LdError => err.CHAIN_UNTRUSTED({ what });
