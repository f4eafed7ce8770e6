// The PBX's check of a verification receipt: signed by a CA that chains to the root this PBX
// trusts, for this PBX's certificate and for the nonce it just sent. Like chain.ts, nothing here
// assumes the signer is the vendor's own issuing CA: a delegated CA is one more link.
import type { Receipt } from '../shared/api/verification';
import { inputError, isLdError, ruleError } from '../shared/errors';
import { parseCertificate, type ParsedCertificate } from './certificate';
import { inspectPublicKey, verifySignature } from './keys';
import { decodeBase64, parseIsoTime, receiptBytes, verifyWithKey } from './verification';

const MAX_CHAIN = 8;
const KEY_CERT_SIGN = 0x04;

export interface ReceiptExpectation {
  certificateSerial: string;
  nonce: string;
  rootDer: Uint8Array;
}

/** Returns the receipt's server time; throws RECEIPT_* (or a chain error) when it must not be believed. */
export function checkReceipt(receipt: Receipt, expect: ReceiptExpectation): Date {
  if (receipt.nonce !== expect.nonce) {
    throw ruleError('RECEIPT_NONCE_MISMATCH', 'The receipt answers another request (its nonce is not the one this PBX just sent): an old receipt replayed, or a confused server.');
  }
  if (receipt.certificateSerial !== expect.certificateSerial) {
    throw ruleError('RECEIPT_WRONG_CERTIFICATE', `The receipt is for certificate ${receipt.certificateSerial}, but this PBX asked about ${expect.certificateSerial}.`);
  }
  const serverTime = parseIsoTime(receipt.serverTime, 'serverTime');
  parseIsoTime(receipt.nextCheckIn, 'nextCheckIn');
  const [signer, ...rest] = receipt.chain.map((b64, i) => parseCertificate(decodeBase64(b64, `chain[${i}]`), i === 0 ? 'receipt signer certificate' : `receipt chain certificate ${i}`));
  // Validity is judged at the signed server time, not by this PBX's clock, which may be wrong:
  // that is exactly what the receipt is meant to reveal.
  verifySignerPath(signer!, rest, expect.rootDer, serverTime);
  try {
    verifyWithKey(inspectPublicKey(signer!.spkiDer), receiptBytes(receipt), decodeBase64(receipt.signature, 'signature'), 'receipt');
  } catch (e) {
    if (isLdError(e) && e.kind === 'input') throw ruleError('RECEIPT_SIGNATURE_INVALID', `The receipt's signature is not valid (${e.message}): it was changed on the way or not made by the licence authority.`);
    throw e;
  }
  return serverTime;
}

/** The signer must be a CA certificate whose path reaches the trusted root; returns [signer, …, root]. */
export function verifySignerPath(signer: ParsedCertificate, intermediates: ParsedCertificate[], rootDer: Uint8Array, at: Date): ParsedCertificate[] {
  const root = parseCertificate(rootDer, 'trusted root');
  if (!signer.isCa) throw ruleError('RECEIPT_SIGNER_NOT_CA', 'The receipt is signed by a certificate that is not a CA certificate; only a licence authority CA may sign receipts.');
  if (Buffer.from(signer.der).equals(Buffer.from(root.der))) return [root];
  checkWindow(signer, 'receipt signer certificate', at);
  const path = [signer];
  let current = signer;
  for (let casBelow = 0; casBelow <= MAX_CHAIN; casBelow++) {
    const issuer = current.issuerDer.equals(root.subjectDer) ? root
      : intermediates.find((c) => c.subjectDer.equals(current.issuerDer) && !path.includes(c));
    if (!issuer) throw ruleError('RECEIPT_UNTRUSTED', 'The receipt was not signed under the root this PBX trusts: its signer\'s issuer is missing from the chain or belongs to another authority.');
    verifyIssuedBy(current, issuer, casBelow, at);
    path.push(issuer);
    if (issuer === root) return path;
    current = issuer;
  }
  throw inputError('CHAIN_TOO_LONG', `The receipt's certificate chain is longer than ${MAX_CHAIN} certificates.`);
}

/** The checks chain.ts makes on each link, for a chain whose lowest member is itself a CA. */
export function verifyIssuedBy(child: ParsedCertificate, ca: ParsedCertificate, casBelow: number, at: Date): void {
  const label = ca.subjectDer.equals(ca.issuerDer) ? 'trusted root' : 'receipt chain CA certificate';
  checkWindow(ca, label, at);
  if (!ca.isCa) throw inputError('CHAIN_NOT_CA', `The ${label} is not a CA certificate.`);
  if (ca.keyUsage !== undefined && !(ca.keyUsage & KEY_CERT_SIGN)) throw inputError('CHAIN_NOT_CA', `The ${label} may not sign certificates.`);
  if (ca.pathLen !== undefined && casBelow > ca.pathLen) throw inputError('CHAIN_PATH_LENGTH', `The ${label} allows ${ca.pathLen} CAs below it, but the chain has ${casBelow}.`);
  try {
    verifySignature(child.signatureAlgorithm, inspectPublicKey(ca.spkiDer), child.tbs, child.signature, 'receipt signer certificate');
  } catch (e) {
    if (isLdError(e) && e.code === 'SIGNATURE_INVALID') throw ruleError('RECEIPT_UNTRUSTED', `The receipt's ${casBelow === 0 ? 'signer' : 'chain'} certificate is not signed by the ${label}.`);
    throw e;
  }
}

function checkWindow(c: ParsedCertificate, label: string, at: Date): void {
  if (c.unknownCritical.length) throw inputError('CERT_UNKNOWN_CRITICAL', `The ${label} has a critical extension this PBX does not understand (${c.unknownCritical.join(', ')}).`);
  if (at < c.notBefore || at > c.notAfter) {
    throw ruleError('RECEIPT_SIGNER_EXPIRED', `The ${label} is valid from ${c.notBefore.toISOString()} to ${c.notAfter.toISOString()}, not at the receipt's time ${at.toISOString()}.`);
  }
}
