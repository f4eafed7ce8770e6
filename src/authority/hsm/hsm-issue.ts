// `ca hsm-issue`: a new issuing CA whose key is generated inside the token and never leaves it.
// The root (in the data folder) signs its certificate; PBXs trust the root, so answers from this
// CA are accepted alongside those of the file-based issuing CA.
import { caExists, storeHsmIssuingCertificate } from '../ca';
import { notFound } from '../../shared/errors';
import { openToken } from './pkcs11-token';
import { parsePkcs11Uri } from './pkcs11-uri';

export async function hsmIssue(dataDir: string, uri: string, now = new Date()): Promise<Buffer> {
  const parsed = parsePkcs11Uri(uri);
  if (!caExists(dataDir))
    throw notFound('AUTHORITY_MISSING', `No licence authority in ${dataDir}: run "licence-desk init" first.`);
  const token = await openToken(parsed, { write: true });
  try {
    return storeHsmIssuingCertificate(dataDir, token.generateKey().spkiDer, now);
  } finally {
    token.close();
  }
}
