// The audit signer: a small certificate (digitalSignature only) issued by the issuing CA, whose
// key signs the audit log's checkpoints. A key of its own, rather than the issuing CA key, so a
// checkpoint can never be mistaken for (or abused as) anything the CA signs for a PBX, and the
// key that signs many times a second is not the one PBXs trust. Made at init, or on the first
// open of an authority made before checkpoints existed.
import { generateKeyPairSync, sign, verify, X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCertificate } from '../../licensing/certificate';
import { caName } from '../../licensing/names';
import { toPem } from '../../licensing/pem';
import { err } from '../../shared/errors';
import type { CaMaterial } from '../ca';
import { writeFileAtomic } from '../files';
import { keyFile, readSealedKey, writeSealedKey } from '../keys/key-files';
import type { KeySealer } from '../keys/sealer';

const SIGNER_YEARS = 5;
const YEAR_MS = 365.25 * 24 * 3600 * 1000;

export interface AuditSigner {
  certificatePem: string;
  sign(payload: string): Buffer;
  verify(payload: string, signature: Buffer): boolean;
}

const paths = (dataDir: string) => ({
  cert: join(dataDir, 'ca', 'audit-signer.pem'),
  key: keyFile(dataDir, 'audit-signer.key'),
});

/** Loads the signer, making it first if absent; `created` tells a new signer (and so a new chain of checkpoints). */
export function loadAuditSigner(
  dataDir: string,
  ca: CaMaterial,
  now: Date,
  sealer: KeySealer,
): { signer: AuditSigner; created: boolean } {
  const p = paths(dataDir);
  const created = !existsSync(p.key);
  if (created) createSigner(p, ca, now, sealer);
  const certificatePem = readFileSync(p.cert, 'utf8');
  const key = readSealedKey(p.key, sealer, 'audit signer key');
  checkIssuedBy(certificatePem, ca, dataDir);
  const publicKey = new X509Certificate(certificatePem).publicKey;
  return {
    created,
    signer: {
      certificatePem,
      sign: (payload) => sign('sha256', Buffer.from(payload), key),
      verify: (payload, signature) => verify('sha256', Buffer.from(payload), publicKey, signature),
    },
  };
}

function createSigner(p: { cert: string; key: string }, ca: CaMaterial, now: Date, sealer: KeySealer): void {
  const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const der = buildCertificate({
    issuer: ca.issuer,
    subject: caName('Licence Desk Audit Signer'),
    spkiDer: pair.publicKey.export({ type: 'spki', format: 'der' }),
    notBefore: new Date(now.getTime() - 60_000),
    notAfter: new Date(now.getTime() + SIGNER_YEARS * YEAR_MS),
  });
  writeFileAtomic(p.cert, toPem('CERTIFICATE', der));
  writeSealedKey(p.key, pair.privateKey, sealer); // last: its presence marks a complete signer
}

/**
 * A signer swapped for one the authority never made would let anyone re-sign checkpoints. The
 * issuer may be the issuing CA in use or the data folder's own (a server whose issuing key is in
 * an HSM keeps the signer the folder's CA made), but it must itself be the root's.
 */
function checkIssuedBy(certificatePem: string, ca: CaMaterial, dataDir: string): void {
  const cert = new X509Certificate(certificatePem);
  const root = new X509Certificate(ca.rootDer);
  const folderIssuing = join(dataDir, 'ca', 'issuing.pem');
  const issuers = [new X509Certificate(ca.issuingDer)];
  if (existsSync(folderIssuing)) issuers.push(new X509Certificate(readFileSync(folderIssuing)));
  const issuedByOurs = issuers.some(
    (issuing) =>
      issuing.checkIssued(root) &&
      issuing.verify(root.publicKey) &&
      cert.checkIssued(issuing) &&
      cert.verify(issuing.publicKey),
  );
  if (!issuedByOurs) throw err.AUDIT_SIGNER_INVALID();
}
