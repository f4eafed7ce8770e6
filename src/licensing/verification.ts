// Online verification: the exact bytes a PBX signs and the authority signs back
// (docs/verification.md). Pure and shared: the PBX builds and checks with these functions, the
// authority parses and answers with them, so the two sides cannot drift apart.
import type { KeyObject } from 'node:crypto';
import {
  CERT_SERIAL_HEX,
  ISO_TIME,
  NONCE_B64URL,
  SIGNATURE_B64,
  type Receipt,
  type VerifyRequest,
} from '../shared/api/verification';
import { err } from '../shared/errors';
import { signatureAlgorithmFor, signWith, verifySignature, type PublicKeyInfo } from './keys';

export const REQUEST_TAG = 'LD-VERIFY-1';
export const RECEIPT_TAG = 'LD-RECEIPT-1';
export const NONCE_BYTES = 16;
/** How often a PBX is asked to check in: the receipt's nextCheckIn is serverTime + this. */
export const CHECK_INTERVAL_DAYS = 7;
const DAY_MS = 86_400_000;

export type ReceiptBody = Omit<Receipt, 'signature' | 'chain'>;

/**
 * LD-VERIFY-1 \n <certificate serial hex> \n <deviceTime> \n <nonce>, UTF-8, no trailing newline.
 * Every field is checked against a pattern without line breaks first, so no field can forge another.
 */
export function requestBytes(r: Omit<VerifyRequest, 'signature'>): Buffer {
  return Buffer.from([REQUEST_TAG, r.certificateSerial, r.deviceTime, r.nonce].join('\n'), 'utf8');
}

/**
 * LD-RECEIPT-1 \n serial \n nonce \n status \n serverTime \n nextCheckIn \n licences, where licences is
 * "number:quantity:notAfter" (notAfter "-" when perpetual) joined by ",", in the receipt's order.
 */
export function receiptBytes(r: ReceiptBody): Buffer {
  const licences = r.licences.map((l) => `${l.number}:${l.quantity}:${l.notAfter ?? '-'}`).join(',');
  return Buffer.from(
    [RECEIPT_TAG, r.certificateSerial, r.nonce, r.status, r.serverTime, r.nextCheckIn, licences].join('\n'),
    'utf8',
  );
}

export interface ParsedVerifyRequest {
  certificateSerial: string;
  deviceTime: Date;
  nonce: string;
  signature: Buffer;
  /** The bytes the signature covers. */
  signed: Buffer;
}

/** Checks every field (naming the one that is wrong) and returns the bytes to verify. */
export function parseVerifyRequest(r: VerifyRequest): ParsedVerifyRequest {
  if (!CERT_SERIAL_HEX.test(r.certificateSerial))
    throw fieldError('certificateSerial', 'must be the lower-case hex serial of the PBX certificate');
  return {
    certificateSerial: r.certificateSerial,
    deviceTime: parseIsoTime(r.deviceTime, 'deviceTime'),
    nonce: checkNonce(r.nonce),
    signature: decodeBase64(r.signature, 'signature'),
    signed: requestBytes(r),
  };
}

export function parseIsoTime(value: string, field: string): Date {
  const ms = ISO_TIME.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(ms))
    throw fieldError(field, `"${value.slice(0, 40)}" is not an ISO 8601 time with seconds and a zone`);
  return new Date(ms);
}

function checkNonce(nonce: string): string {
  const bytes = NONCE_B64URL.test(nonce) ? Buffer.from(nonce, 'base64url') : Buffer.alloc(0);
  // Re-encoding must give the same text: otherwise two spellings would name one nonce.
  if (bytes.length !== NONCE_BYTES || bytes.toString('base64url') !== nonce)
    throw fieldError('nonce', `must be ${NONCE_BYTES} bytes in base64url without padding`);
  return nonce;
}

export function decodeBase64(value: string, field: string): Buffer {
  const bytes = SIGNATURE_B64.test(value) ? Buffer.from(value, 'base64') : Buffer.alloc(0);
  if (bytes.length === 0 || bytes.toString('base64') !== value) throw fieldError(field, 'is not base64');
  return bytes;
}

const fieldError = (field: string, problem: string) => err.VERIFY_REQUEST_INVALID({ field, problem });

/** The PBX's side: a request for its certificate, signed with its device key. */
export function signVerifyRequest(key: KeyObject, fields: Omit<VerifyRequest, 'signature'>): VerifyRequest {
  return { ...fields, signature: signWith(key, requestBytes(fields)).toString('base64') };
}

/**
 * Checks a signature made with signWith(): the algorithm follows from the key (ECDSA P-256 or
 * RSA with SHA-256, or Ed25519), so a request cannot choose a weaker one. Throws SIGNATURE_INVALID.
 */
export function verifyWithKey(key: PublicKeyInfo, data: Uint8Array, signature: Uint8Array, what: string): void {
  verifySignature(signatureAlgorithmFor(key.key), key, data, signature, what);
}

export const nextCheckIn = (serverTime: Date): Date => new Date(serverTime.getTime() + CHECK_INTERVAL_DAYS * DAY_MS);
