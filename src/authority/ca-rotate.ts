// `ca rotate`: a new issuing CA under the same root, for when the issuing key must be retired
// (suspected copy, end of its lifetime). The root key comes from the file the user kept offline.
// PBXs trust the root, not the issuing CA, so they accept answers of the new issuing CA at once,
// and answers the old one made stay valid (each answer carries its issuing certificate).
// Atomic: the whole new ca/ folder is built as ca.next (new issuing certificate and sealed key,
// the audit signer's certificate re-issued for its unchanged key, everything else copied), then
// swapped in by renames; an open that finds ca missing and ca.next complete finishes the swap.
import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildCertificate, keyIdentifier, type Issuer } from '../licensing/certificate';
import { caName } from '../licensing/names';
import { toPem } from '../licensing/pem';
import { loadCa } from './ca';
import { writeFileAtomic } from './files';
import { writeSealedKey } from './keys/key-files';
import type { KeySealer } from './keys/sealer';

const YEAR_MS = 365.25 * 24 * 3600 * 1000;
const COMPLETE = '.complete';
const REPLACED = new Set(['issuing.pem', 'issuing.key.sealed', 'audit-signer.pem', COMPLETE]);

/** Makes and swaps in the new issuing CA; returns its certificate (DER). */
export function rotateIssuingCa(dataDir: string, root: Issuer, sealer: KeySealer, now = new Date()): Buffer {
  const ca = join(dataDir, 'ca');
  const next = join(dataDir, 'ca.next');
  const current = loadCa(dataDir, sealer); // also proves the current keys open before anything is written
  rmSync(next, { recursive: true, force: true }); // a leftover of an interrupted run never completed
  mkdirSync(next, { mode: 0o700 });
  for (const f of readdirSync(ca)) if (!REPLACED.has(f)) copyFileSync(join(ca, f), join(next, f));
  const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const spki = pair.publicKey.export({ type: 'spki', format: 'der' });
  const notBefore = new Date(now.getTime() - 60_000);
  const name = caName(`Licence Desk Issuing CA ${nextNumber(current.issuingDer)}`);
  const issuingDer = buildCertificate({
    issuer: root,
    subject: name,
    spkiDer: spki,
    notBefore,
    notAfter: new Date(now.getTime() + 5 * YEAR_MS),
    ca: { pathLen: 1 },
  });
  const auditCert = new X509Certificate(readFileSync(join(ca, 'audit-signer.pem')));
  const auditDer = buildCertificate({
    issuer: { name, key: pair.privateKey, keyId: keyIdentifier(spki) },
    subject: caName('Licence Desk Audit Signer'),
    spkiDer: auditCert.publicKey.export({ type: 'spki', format: 'der' }),
    notBefore,
    notAfter: new Date(now.getTime() + 5 * YEAR_MS),
  });
  writeFileAtomic(join(next, 'issuing.pem'), toPem('CERTIFICATE', issuingDer));
  writeFileAtomic(join(next, 'audit-signer.pem'), toPem('CERTIFICATE', auditDer));
  writeSealedKey(join(next, 'issuing.key.sealed'), pair.privateKey, sealer);
  writeFileAtomic(join(next, COMPLETE), now.toISOString());
  swap(dataDir);
  return issuingDer;
}

/** An interrupted swap (ca renamed away, ca.next complete) is finished; an incomplete ca.next is left to the next rotate. */
export function finishRotation(dataDir: string): void {
  const ca = join(dataDir, 'ca');
  const next = join(dataDir, 'ca.next');
  if (!existsSync(ca) && existsSync(join(next, COMPLETE))) swap(dataDir);
}

function swap(dataDir: string): void {
  const ca = join(dataDir, 'ca');
  const next = join(dataDir, 'ca.next');
  const old = join(dataDir, 'ca.old');
  rmSync(old, { recursive: true, force: true });
  if (existsSync(ca)) renameSync(ca, old);
  renameSync(next, ca);
  rmSync(join(ca, COMPLETE), { force: true });
  // The retired issuing key goes: answers it made stay valid, but it must never sign again.
  rmSync(old, { recursive: true, force: true });
}

function nextNumber(issuingDer: Buffer): number {
  const m = /Issuing CA (\d+)/.exec(new X509Certificate(issuingDer).subject);
  return m ? Number(m[1]) + 1 : 2;
}
