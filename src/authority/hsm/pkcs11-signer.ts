// The issuing key in a hardware module as a Signer: SHA-256 here, ECDSA in the token (CKM_ECDSA
// takes the digest), and the token's raw r||s turned into the DER signature X.509 carries.
import { createHash } from 'node:crypto';
import * as d from '../../licensing/der';
import { OID } from '../../licensing/oids';
import type { Signer } from '../../licensing/signer';
import { openToken, type Pkcs11Token } from './pkcs11-token';
import { parsePkcs11Uri } from './pkcs11-uri';

export interface Pkcs11Signer extends Signer {
  /** Logs out and unloads the module; the signer is unusable afterwards. */
  close(): void;
}

/** Opens the token a `pkcs11:` URI names and finds its issuing key (specific errors for each miss). */
export async function openPkcs11Signer(uri: string): Promise<Pkcs11Signer> {
  const token = await openToken(parsePkcs11Uri(uri));
  try {
    return tokenSigner(token, token.findKey());
  } catch (e) {
    token.close();
    throw e;
  }
}

export function tokenSigner(token: Pkcs11Token, key: ReturnType<Pkcs11Token['findKey']>): Pkcs11Signer {
  return {
    algorithm: OID.ecdsaWithSha256,
    sign: (data) => rawToDer(token.signDigest(key, createHash('sha256').update(data).digest())),
    close: () => token.close(),
  };
}

/** IEEE P1363 r||s (two 32-byte halves) as the DER SEQUENCE { r INTEGER, s INTEGER } of RFC 3279. */
export function rawToDer(raw: Buffer): Buffer {
  const half = raw.length / 2;
  return d.encode(d.seq([d.int(raw.subarray(0, half)), d.int(raw.subarray(half))]));
}
