// Path validation from a leaf to the one root a PBX trusts, through any number of CAs. Nothing
// here assumes the issuer is our own CA: a delegated reseller CA is just one more link.
import { inputError } from '../shared/errors';
import { inspectPublicKey, verifySignature } from './keys';
import { parseCertificate, type ParsedCertificate } from './certificate';
import { decodeCode } from './codes';

const MAX_CHAIN = 8;
const KEY_CERT_SIGN = 0x04;

export interface ChainInput {
  leaf: ParsedCertificate;
  intermediates: ParsedCertificate[];
  rootDer: Uint8Array;
  now: Date;
}

/** Returns the path [leaf, ...CAs, root] or throws a specific error. */
export function verifyChain(input: ChainInput): ParsedCertificate[] {
  const root = parseCertificate(input.rootDer, 'trusted root');
  if (input.leaf.isCa)
    throw inputError('CERT_IS_CA', 'The answer certificate is a CA certificate; a PBX certificate never is.');
  checkValidity(input.leaf, 'answer certificate', input.now);
  return pathToRoot({ start: input.leaf, intermediates: input.intermediates, root, at: input.now, what: 'answer' });
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
 * The path [start, ...CAs, root], every link checked (CA, key usage, path length, validity,
 * signature). The one walk for every chain a PBX checks: answers and verification receipts.
 */
export function pathToRoot(p: PathInput): ParsedCertificate[] {
  const path: ParsedCertificate[] = [p.start];
  let current = p.start;
  for (let depth = 0; depth <= MAX_CHAIN; depth++) {
    const issuer = current.issuerDer.equals(p.root.subjectDer)
      ? p.root
      : p.intermediates.find((c) => c.subjectDer.equals(current.issuerDer) && !path.includes(c));
    if (!issuer) {
      throw inputError(
        'CHAIN_UNTRUSTED',
        `The ${p.what} was not issued under the root this PBX trusts: its issuer is missing from the chain or belongs to another authority.`,
      );
    }
    checkIssuedBy(current, issuer, depth, p);
    path.push(issuer);
    if (issuer === p.root) return path;
    current = issuer;
  }
  throw inputError('CHAIN_TOO_LONG', `The certificate chain is longer than ${MAX_CHAIN} certificates.`);
}

function checkIssuedBy(child: ParsedCertificate, ca: ParsedCertificate, casBelow: number, p: PathInput): void {
  const label = ca.subjectDer.equals(ca.issuerDer) ? 'trusted root' : 'issuing CA certificate';
  checkValidity(ca, label, p.at);
  if (!ca.isCa) throw inputError('CHAIN_NOT_CA', `The ${label} is not a CA certificate.`);
  if (ca.keyUsage !== undefined && !(ca.keyUsage & KEY_CERT_SIGN))
    throw inputError('CHAIN_NOT_CA', `The ${label} may not sign certificates.`);
  if (ca.pathLen !== undefined && casBelow > ca.pathLen)
    throw inputError(
      'CHAIN_PATH_LENGTH',
      `The ${label} allows ${ca.pathLen} CAs below it, but the chain has ${casBelow}.`,
    );
  verifySignature(
    child.signatureAlgorithm,
    inspectPublicKey(ca.spkiDer),
    child.tbs,
    child.signature,
    casBelow === 0 ? `${p.what} certificate` : 'issuing CA certificate',
  );
}

export function checkValidity(c: ParsedCertificate, label: string, now: Date): void {
  if (c.unknownCritical.length)
    throw inputError(
      'CERT_UNKNOWN_CRITICAL',
      `The ${label} has a critical extension this PBX does not understand (${c.unknownCritical.join(', ')}).`,
    );
  if (now < c.notBefore)
    throw inputError(
      'CERT_NOT_YET_VALID',
      `The ${label} is valid only from ${c.notBefore.toISOString()}; check the PBX's clock.`,
    );
  if (now > c.notAfter) throw inputError('CERT_EXPIRED', `The ${label} expired on ${c.notAfter.toISOString()}.`);
}

/** An answer code's chain, checked as the PBX will check it, against the given root (DER). */
export function verifyAnswerChain(answerCode: string, rootDer: Uint8Array, now = new Date()): ParsedCertificate[] {
  const [leaf, ...intermediates] = decodeCode(answerCode, 'answer').ders.map((d, i) =>
    parseCertificate(d, i === 0 ? 'answer certificate' : `chain certificate ${i}`),
  );
  return verifyChain({ leaf: leaf!, intermediates, rootDer, now });
}
