// `ca hsm-issue`: a new issuing CA whose key is generated inside the token and never leaves it.
// The root (in the data folder) signs its certificate; PBXs trust the root, so answers from this
// CA are accepted alongside those of the file-based issuing CA. Run again with a new object name,
// it replaces ca/issuing-hsm.pem (a rotation): answers of the old key still verify at every PBX.
import { loadRootIssuer, storeHsmIssuingCertificate } from '../ca';
import { keyFile } from '../keys/key-files';
import { envSealer, type KeySealer } from '../keys/sealer';
import { openToken } from './pkcs11-token';
import { parsePkcs11Uri } from './pkcs11-uri';

/** The root key: the sealed file the user kept (default ca/root.key.sealed) and what opens it. */
export interface RootKey {
  file?: string;
  sealer?: KeySealer;
}

export async function hsmIssue(dataDir: string, uri: string, rootKey: RootKey = {}, now = new Date()): Promise<Buffer> {
  const parsed = parsePkcs11Uri(uri);
  const root = loadRootIssuer(dataDir, rootKey.file ?? keyFile(dataDir, 'root.key'), rootKey.sealer ?? envSealer()); // before the token: a missing root must not leave a key behind
  const token = await openToken(parsed, { write: true });
  try {
    return storeHsmIssuingCertificate(dataDir, root, token.generateKey().spkiDer, now);
  } finally {
    token.close();
  }
}
