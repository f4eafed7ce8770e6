// The one thing a certificate or receipt needs from a private key: sign these bytes. A key in
// this process (Node's crypto) and a key that never leaves a hardware module (PKCS#11) both fit;
// signing stays synchronous because both are (pkcs11js calls C_Sign on the calling thread).
import { KeyObject } from 'node:crypto';
import { signatureAlgorithmFor, signWith } from './keys';

export interface Signer {
  /** The signature algorithm OID the signatures carry (ecdsa-with-SHA256 for an HSM P-256 key). */
  readonly algorithm: string;
  /** A DER-encoded signature over `data` (hashed with SHA-256 by the signer). */
  sign(data: Uint8Array): Buffer;
}

export const keySigner = (key: KeyObject): Signer => ({
  algorithm: signatureAlgorithmFor(key),
  sign: (data) => signWith(key, data),
});

export const signerOf = (key: KeyObject | Signer): Signer => (key instanceof KeyObject ? keySigner(key) : key);
