// Which keys and signature algorithms we accept, and the native verify/sign calls behind them.
// Maths is always Node's crypto (OpenSSL); no JavaScript big-number code signs anything.
import { createPublicKey, createHash, sign as nodeSign, verify as nodeVerify, type KeyObject } from 'node:crypto';
import { err } from '../shared/errors';
import { OID } from './oids';

export type KeyType = 'ec-p256' | 'ed25519' | 'rsa';
export interface PublicKeyInfo {
  type: KeyType;
  bits: number;
  key: KeyObject;
  /** SHA-256 of the SubjectPublicKeyInfo DER: how we compare keys. */
  fingerprint: string;
}

const MIN_RSA_BITS = 2048;

/** Checks a SubjectPublicKeyInfo against what a PBX may use. */
export function inspectPublicKey(spkiDer: Uint8Array): PublicKeyInfo {
  let key: KeyObject;
  let p256: KeyObject | undefined;
  try {
    p256 = importP256(spkiDer);
    key = p256 ?? createPublicKey({ key: Buffer.from(spkiDer), format: 'der', type: 'spki' });
  } catch {
    throw err.KEY_UNSUPPORTED({ variant: 'unreadable' });
  }
  const fingerprint = createHash('sha256').update(spkiDer).digest('hex');
  // A P-256 JWK import is P-256 by construction; asking OpenSSL for the details again costs
  // about as much as a third of the import.
  if (p256) return { type: 'ec-p256', bits: 256, key, fingerprint };
  const details = key.asymmetricKeyDetails ?? {};
  switch (key.asymmetricKeyType) {
    case 'ec':
      if (details.namedCurve !== 'prime256v1') {
        throw err.KEY_CURVE_UNSUPPORTED({ curve: details.namedCurve ?? 'unknown' });
      }
      return { type: 'ec-p256', bits: 256, key, fingerprint };
    case 'ed25519':
      return { type: 'ed25519', bits: 256, key, fingerprint };
    case 'rsa': {
      const bits = details.modulusLength ?? 0;
      if (bits < MIN_RSA_BITS) throw err.KEY_TOO_SMALL({ bits, minBits: MIN_RSA_BITS });
      return { type: 'rsa', bits, key, fingerprint };
    }
    default:
      throw err.KEY_UNSUPPORTED({ variant: 'type', type: key.asymmetricKeyType ?? 'unknown' });
  }
}

// The fixed 26-byte prefix of every uncompressed P-256 SubjectPublicKeyInfo (RFC 5480).
const P256_SPKI_PREFIX = Buffer.from('3059301306072a8648ce3d020106082a8648ce3d030107034200', 'hex');

/**
 * OpenSSL 3's DER decoder costs ~190 µs a key here; importing the same point as a JWK costs ~80
 * (OpenSSL still checks the point is on the curve). Requests are nearly always P-256, so this
 * halves the cost of reading one. Anything else takes the general path.
 */
function importP256(spkiDer: Uint8Array): KeyObject | undefined {
  if (
    spkiDer.length !== 91 ||
    spkiDer[26] !== 0x04 ||
    !P256_SPKI_PREFIX.equals(Buffer.from(spkiDer.buffer, spkiDer.byteOffset, 26))
  )
    return undefined;
  const point = Buffer.from(spkiDer.buffer, spkiDer.byteOffset + 27, 64);
  const jwk = {
    kty: 'EC',
    crv: 'P-256',
    x: point.subarray(0, 32).toString('base64url'),
    y: point.subarray(32).toString('base64url'),
  };
  return createPublicKey({ key: jwk, format: 'jwk' });
}

const DIGESTS: Record<string, { digest: string | null; keys: KeyType[] }> = {
  [OID.ecdsaWithSha256]: { digest: 'sha256', keys: ['ec-p256'] },
  [OID.ecdsaWithSha384]: { digest: 'sha384', keys: ['ec-p256'] },
  [OID.ecdsaWithSha512]: { digest: 'sha512', keys: ['ec-p256'] },
  [OID.sha256WithRsa]: { digest: 'sha256', keys: ['rsa'] },
  [OID.sha384WithRsa]: { digest: 'sha384', keys: ['rsa'] },
  [OID.sha512WithRsa]: { digest: 'sha512', keys: ['rsa'] },
  [OID.ed25519]: { digest: null, keys: ['ed25519'] },
};

/** Verifies a signature made with an accepted algorithm; SHA-1 and unknown algorithms are refused. */
export function verifySignature(
  algOid: string,
  key: PublicKeyInfo,
  data: Uint8Array,
  signature: Uint8Array,
  what: string,
): void {
  if (algOid === OID.sha1WithRsa || algOid === OID.ecdsaWithSha1) {
    throw err.SIGNATURE_SHA1({ what });
  }
  const alg = DIGESTS[algOid];
  if (!alg) throw err.SIGNATURE_ALGORITHM_UNSUPPORTED({ what, algOid });
  if (!alg.keys.includes(key.type)) {
    throw err.SIGNATURE_ALGORITHM_MISMATCH({ what, type: key.type });
  }
  if (!nodeVerify(alg.digest, data, key.key, signature)) {
    throw err.SIGNATURE_INVALID({ what });
  }
}

/** The signature algorithm OID for a private key (the CA keys and device keys we create ourselves). */
export function signatureAlgorithmFor(key: KeyObject): string {
  if (key.asymmetricKeyType === 'ec') return OID.ecdsaWithSha256;
  if (key.asymmetricKeyType === 'ed25519') return OID.ed25519;
  if (key.asymmetricKeyType === 'rsa') return OID.sha256WithRsa;
  throw new Error(`no signature algorithm for ${key.asymmetricKeyType}`);
}

/** Always an explicit SHA-256 digest (never a library's SHA-1 default); Ed25519 hashes internally. */
export function signWith(key: KeyObject, data: Uint8Array): Buffer {
  return nodeSign(key.asymmetricKeyType === 'ed25519' ? null : 'sha256', data, key);
}
