// The authority's own PKI: a root (trusted by PBXs) and an issuing CA (signs PBX certificates).
// Keys are ECDSA P-256, on disk only sealed (keys/sealer.ts); the root key is needed only to make
// a new issuing CA (ca rotate, ca hsm-issue), so init writes it to a file the user keeps offline,
// passphrase-sealed, and day-to-day issuance touches just the issuing key.
import { createPublicKey, generateKeyPairSync, randomBytes, verify, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { keyFile, readSealedKey, writeSealedKey } from './keys/key-files';
import type { KeySealer } from './keys/sealer';
import { join } from 'node:path';
import {
  buildCertificate,
  keyIdentifier,
  parseCertificate,
  type Issuer,
  type ParsedCertificate,
} from '../licensing/certificate';
import { caName } from '../licensing/names';
import { fromPem, toPem } from '../licensing/pem';
import type { Signer } from '../licensing/signer';
import { err } from '../shared/errors';
import { writeFileAtomic } from './files';

const YEAR_MS = 365.25 * 24 * 3600 * 1000;
const ROOT_YEARS = 20;
const ISSUING_YEARS = 5;

export interface CaMaterial {
  rootDer: Buffer;
  issuingDer: Buffer;
  issuing: ParsedCertificate;
  issuer: Issuer;
}

const paths = (dir: string) => ({
  dir: join(dir, 'ca'),
  rootCert: join(dir, 'ca', 'root.pem'),
  issuingCert: join(dir, 'ca', 'issuing.pem'),
  issuingKey: keyFile(dir, 'issuing.key'),
  /** An install from before sealing: sealed in place on its first open (keys/key-files.ts). */
  plainIssuingKey: join(dir, 'ca', 'issuing.key'),
  /** The certificate of an issuing key held in a hardware module (`ca hsm-issue`); the key is not here. */
  hsmIssuingCert: join(dir, 'ca', 'issuing-hsm.pem'),
});

export const caExists = (dataDir: string): boolean =>
  existsSync(paths(dataDir).issuingKey) || existsSync(paths(dataDir).plainIssuingKey);

export interface CreateCaOptions {
  /** Seals the issuing key (the keychain's wrapping key or LICENCE_DESK_PASSPHRASE). */
  sealer: KeySealer;
  /** Seals the root key; the data folder's sealer unless the user gave a root passphrase. */
  rootSealer?: KeySealer;
  /** Where the root key goes (default ca/root.key.sealed, to be moved offline). */
  rootOut?: string;
}

/** Creates root and issuing CA unless present. Returns true if it created them. */
export function createCa(dataDir: string, o: CreateCaOptions, now = new Date()): boolean {
  const p = paths(dataDir);
  if (caExists(dataDir)) return false;
  mkdirSync(p.dir, { recursive: true, mode: 0o700 });
  const root = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const issuing = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const rootSpki = spki(root.publicKey);
  const rootName = caName('Licence Desk Root CA');
  const rootIssuer: Issuer = { name: rootName, key: root.privateKey, keyId: keyIdentifier(rootSpki) };
  const notBefore = new Date(now.getTime() - 60_000);
  const rootDer = buildCertificate({
    issuer: rootIssuer,
    subject: rootName,
    spkiDer: rootSpki,
    notBefore,
    notAfter: yearsFrom(now, ROOT_YEARS),
    ca: {},
  });
  // pathLen 1 leaves room for one delegated CA (a reseller's desktop) below the issuing CA.
  const issuingDer = buildCertificate({
    issuer: rootIssuer,
    subject: caName('Licence Desk Issuing CA 1'),
    spkiDer: spki(issuing.publicKey),
    notBefore,
    notAfter: yearsFrom(now, ISSUING_YEARS),
    ca: { pathLen: 1 },
  });
  writeSealedKey(o.rootOut ?? keyFile(dataDir, 'root.key'), root.privateKey, o.rootSealer ?? o.sealer);
  writeFileAtomic(p.rootCert, toPem('CERTIFICATE', rootDer));
  writeFileAtomic(p.issuingCert, toPem('CERTIFICATE', issuingDer));
  writeSealedKey(p.issuingKey, issuing.privateKey, o.sealer); // last: its presence marks a complete CA
  return true;
}

export function loadCa(dataDir: string, sealer: KeySealer): CaMaterial {
  const p = paths(dataDir);
  if (!caExists(dataDir)) throw err.AUTHORITY_MISSING({ dataDir });
  const rootDer = pemToDer(readFileSync(p.rootCert, 'utf8'));
  const issuingDer = pemToDer(readFileSync(p.issuingCert, 'utf8'));
  const issuing = parseCertificate(issuingDer, 'issuing CA certificate');
  const key = readSealedKey(p.issuingKey, sealer, 'issuing CA key');
  return {
    rootDer,
    issuingDer,
    issuing,
    issuer: { name: issuing.subject, key, keyId: keyIdentifier(issuing.spkiDer) },
  };
}

/**
 * The root as an issuer, from the sealed file the user kept (default ca/root.key.sealed): needed
 * only to make another issuing CA (ca rotate, or one whose key is in an HSM).
 */
export function loadRootIssuer(dataDir: string, rootFile: string, sealer: KeySealer): Issuer {
  const p = paths(dataDir);
  if (!caExists(dataDir)) throw err.AUTHORITY_MISSING({ dataDir });
  if (!existsSync(rootFile)) throw err.ROOT_KEY_MISSING({ file: rootFile });
  const root = parseCertificate(pemToDer(readFileSync(p.rootCert, 'utf8')), 'root certificate');
  const key = readSealedKey(rootFile, sealer, 'root key');
  if (!spki(key).equals(Buffer.from(root.spkiDer)))
    throw err.ROOT_KEY_MISMATCH({ file: rootFile, rootCert: p.rootCert });
  return { name: root.subject, key, keyId: keyIdentifier(root.spkiDer) };
}

/**
 * A new issuing CA certificate, signed by the root, for a key kept elsewhere (an HSM): same
 * lifetime and pathLen as the file-based one. Written to ca/issuing-hsm.pem; returns its DER.
 */
export function storeHsmIssuingCertificate(dataDir: string, root: Issuer, spkiDer: Buffer, now = new Date()): Buffer {
  const der = buildCertificate({
    issuer: root,
    subject: caName('Licence Desk HSM Issuing CA'),
    spkiDer,
    notBefore: new Date(now.getTime() - 60_000),
    notAfter: yearsFrom(now, ISSUING_YEARS),
    ca: { pathLen: 1 },
  });
  writeFileAtomic(paths(dataDir).hsmIssuingCert, toPem('CERTIFICATE', der));
  return der;
}

/** The CA with its issuing key in a hardware module: the signer must hold the key of issuing-hsm.pem. */
export function loadHsmCa(dataDir: string, signer: Signer): CaMaterial {
  const p = paths(dataDir);
  if (!caExists(dataDir)) throw err.AUTHORITY_MISSING({ dataDir });
  if (!existsSync(p.hsmIssuingCert)) throw err.HSM_CERTIFICATE_MISSING({ hsmIssuingCert: p.hsmIssuingCert });
  const issuingDer = pemToDer(readFileSync(p.hsmIssuingCert, 'utf8'));
  const issuing = parseCertificate(issuingDer, 'HSM issuing CA certificate');
  const challenge = randomBytes(32);
  const publicKey = createPublicKey({ key: Buffer.from(issuing.spkiDer), format: 'der', type: 'spki' });
  if (!verify('sha256', challenge, publicKey, signer.sign(challenge)))
    throw err.HSM_KEY_MISMATCH({ hsmIssuingCert: p.hsmIssuingCert });
  return {
    rootDer: pemToDer(readFileSync(p.rootCert, 'utf8')),
    issuingDer,
    issuing,
    issuer: { name: issuing.subject, key: signer, keyId: keyIdentifier(issuing.spkiDer) },
  };
}

export const rootPem = (dataDir: string): string => readFileSync(paths(dataDir).rootCert, 'utf8');

const spki = (k: KeyObject): Buffer =>
  (k.type === 'public' ? k : createPublicKey(k)).export({ type: 'spki', format: 'der' });
const yearsFrom = (d: Date, years: number): Date => new Date(d.getTime() + years * YEAR_MS);
const pemToDer = (pem: string): Buffer => Buffer.from(fromPem(pem)[0]!.der);
