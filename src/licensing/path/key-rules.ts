// Every certificate's own key on a path, the leaf's included, must be one a PBX accepts (keys.ts:
// P-256, Ed25519, RSA ≥ 2048), named rather than spelled out, and of a whole number of bytes.
import { err, LdError, isLdError } from '../../shared/errors';
import type { ParsedCertificate } from '../certificate';
import * as d from '../der';
import { inspectPublicKey, type PublicKeyInfo } from '../keys';
import { OID } from '../oids';
import type { Profile } from './profile';

const keys = new WeakMap<ParsedCertificate, PublicKeyInfo>();

export function checkKey(c: ParsedCertificate, p: Profile, label: string): PublicKeyInfo {
  const known = keys.get(c);
  if (known) return known;
  if (p.keyAlgorithm === OID.ecPublicKey && d.oidOf(p.keyParameters) === undefined)
    throw err.KEY_EC_EXPLICIT_PARAMETERS({ label });
  let key: PublicKeyInfo;
  try {
    key = inspectPublicKey(c.spkiDer);
  } catch (e) {
    // keys.ts says what is wrong with the key; say whose key it is.
    if (!isLdError(e)) throw e;
    throw new LdError({ ...e.toValue(), message: `The ${label}'s key: ${e.message}` });
  }
  if (key.type === 'rsa' && key.bits % 8 !== 0) throw err.KEY_RSA_SIZE_UNUSUAL({ label, bits: key.bits });
  keys.set(c, key);
  return key;
}
