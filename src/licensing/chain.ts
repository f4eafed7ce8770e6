// Path validation from a leaf to the one root a PBX trusts, through any number of CAs. Nothing
// here assumes the issuer is our own CA: a delegated reseller CA is just one more link. The
// rules themselves live in path/ (building, links, extension and key rules).
import { err } from '../shared/errors';
import { parseCertificate, type ParsedCertificate } from './certificate';
import { decodeCode } from './codes';
import { checkCertificate } from './path/extension-rules';
import { checkTime } from './path/links';
import { validatePath } from './path/validation';

/** The PBX key signs its verification requests, so an answer certificate must allow that. */
const DIGITAL_SIGNATURE = 0x80;

export interface ChainInput {
  leaf: ParsedCertificate;
  intermediates: ParsedCertificate[];
  rootDer: Uint8Array;
  now: Date;
}

/** Returns the path [leaf, ...CAs, root] or throws a specific error. */
export function verifyChain(input: ChainInput): ParsedCertificate[] {
  const root = parseCertificate(input.rootDer, 'trusted root');
  if (input.leaf.isCa) throw err.CERT_IS_CA();
  return validatePath({
    leaf: input.leaf,
    intermediates: input.intermediates,
    anchors: [root],
    at: input.now,
    what: 'answer',
    leafKeyUsage: DIGITAL_SIGNATURE,
  });
}

export interface PathInput {
  start: ParsedCertificate;
  intermediates: ParsedCertificate[];
  root: ParsedCertificate;
  at: Date;
  /** What the chain vouches for, in messages: "answer", "receipt". */
  what: string;
}

/**
 * The path [start, ...CAs, root], every certificate and link checked. The one walk for every
 * chain a PBX checks: answers and verification receipts.
 */
export function pathToRoot(p: PathInput): ParsedCertificate[] {
  return validatePath({ leaf: p.start, intermediates: p.intermediates, anchors: [p.root], at: p.at, what: p.what });
}

/** One certificate's own rules (path/extension-rules.ts) and validity window, before its path. */
export function checkValidity(c: ParsedCertificate, label: string, now: Date): void {
  checkCertificate(c, label);
  checkTime(c, label, new Date(Math.floor(now.getTime() / 1000) * 1000));
}

/** An answer code's chain, checked as the PBX will check it, against the given root (DER). */
export function verifyAnswerChain(answerCode: string, rootDer: Uint8Array, now = new Date()): ParsedCertificate[] {
  const [leaf, ...intermediates] = decodeCode(answerCode, 'answer').ders.map((d, i) =>
    parseCertificate(d, i === 0 ? 'answer certificate' : `chain certificate ${i}`),
  );
  return verifyChain({ leaf: leaf!, intermediates, rootDer, now });
}
