// The PBX's check of a verification receipt: signed by a CA that chains to the root this PBX
// trusts, for this PBX's certificate and for the nonce it just sent. Like chain.ts, nothing here
// assumes the signer is the vendor's own issuing CA: a delegated CA is one more link.
import type { Receipt } from '../shared/api/verification';
import { err, isLdError } from '../shared/errors';
import { parseCertificate, type ParsedCertificate } from './certificate';
import { checkValidity, pathToRoot } from './chain';
import { inspectPublicKey } from './keys';
import { decodeBase64, parseIsoTime, receiptBytes, verifyWithKey } from './verification';

export interface ReceiptExpectation {
  certificateSerial: string;
  nonce: string;
  rootDer: Uint8Array;
}

/** Returns the receipt's server time; throws RECEIPT_* (or a chain error) when it must not be believed. */
export function checkReceipt(receipt: Receipt, expect: ReceiptExpectation): Date {
  if (receipt.nonce !== expect.nonce) {
    throw err.RECEIPT_NONCE_MISMATCH();
  }
  if (receipt.certificateSerial !== expect.certificateSerial) {
    throw err.RECEIPT_WRONG_CERTIFICATE({
      certificateSerial: receipt.certificateSerial,
      askedSerial: expect.certificateSerial,
    });
  }
  const serverTime = parseIsoTime(receipt.serverTime, 'serverTime');
  parseIsoTime(receipt.nextCheckIn, 'nextCheckIn');
  const [signer, ...rest] = receipt.chain.map((b64, i) =>
    parseCertificate(
      decodeBase64(b64, `chain[${i}]`),
      i === 0 ? 'receipt signer certificate' : `receipt chain certificate ${i}`,
    ),
  );
  // Validity is judged at the signed server time, not by this PBX's clock, which may be wrong:
  // that is exactly what the receipt is meant to reveal.
  verifySignerPath(signer!, rest, expect.rootDer, serverTime);
  try {
    verifyWithKey(
      inspectPublicKey(signer!.spkiDer),
      receiptBytes(receipt),
      decodeBase64(receipt.signature, 'signature'),
      'receipt',
    );
  } catch (e) {
    if (isLdError(e) && e.kind === 'input') throw err.RECEIPT_SIGNATURE_INVALID({ message: e.message });
    throw e;
  }
  return serverTime;
}

/** The signer must be a CA certificate whose path reaches the trusted root; returns [signer, …, root]. */
export function verifySignerPath(
  signer: ParsedCertificate,
  intermediates: ParsedCertificate[],
  rootDer: Uint8Array,
  at: Date,
): ParsedCertificate[] {
  const root = parseCertificate(rootDer, 'trusted root');
  if (!signer.isCa) throw err.RECEIPT_SIGNER_NOT_CA();
  if (Buffer.from(signer.der).equals(Buffer.from(root.der))) return [root];
  try {
    checkValidity(signer, 'receipt signer certificate', at);
    return pathToRoot({ start: signer, intermediates, root, at, what: 'receipt' });
  } catch (e) {
    throw receiptRefusal(e, at);
  }
}

/** The chain walk's errors, in the receipt's own terms (a receipt is refused, not an answer). */
function receiptRefusal(e: unknown, at: Date): unknown {
  if (!isLdError(e)) return e;
  if (e.code === 'CHAIN_UNTRUSTED' || e.code === 'SIGNATURE_INVALID') {
    return err.RECEIPT_UNTRUSTED({ message: e.message.replace(/\.$/, '') });
  }
  if (e.code === 'CERT_EXPIRED' || e.code === 'CERT_NOT_YET_VALID') {
    return err.RECEIPT_SIGNER_EXPIRED({ at: at.toISOString(), message: e.message });
  }
  return e;
}
