// Path building and the link rules with certificates made the way the authority makes them:
// delegated CAs of any depth, several candidate issuers for one name (the first one bad), dead
// ends, loops, self-issued key rollovers, and the bound on look-alike piles. x509-limbo covers the
// single-certificate rules (tests/conformance/x509-limbo.test.ts).
import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildCertificate, keyIdentifier, parseCertificate, type Issuer } from '../../src/licensing/certificate';
import { verifyChain } from '../../src/licensing/chain';
import { caName, encodeSubject } from '../../src/licensing/names';
import { validatePath } from '../../src/licensing/path/validation';
import { MAX_PATH, MAX_SIGNATURE_CHECKS } from '../../src/licensing/path/building';

const DAY = 86_400_000;
const NOW = new Date();
const at = (days: number) => new Date(NOW.getTime() + days * DAY);
const spkiOf = (k: KeyObject): Buffer => createPublicKey(k).export({ type: 'spki', format: 'der' });

interface Party extends Issuer {
  spki: Buffer;
}

function party(name: string): Party {
  const key = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
  const spki = spkiOf(key);
  return { name: caName(name), key, keyId: keyIdentifier(spki), spki };
}

/** A CA certificate for `subject` signed by `issuer` (itself when they are the same party). */
function caCert(subject: Party, issuer: Party, opts: { pathLen?: number; notAfter?: Date } = {}) {
  const der = buildCertificate({
    issuer,
    subject: subject.name,
    spkiDer: subject.spki,
    notBefore: at(-10),
    notAfter: opts.notAfter ?? at(100),
    ca: opts.pathLen === undefined ? {} : { pathLen: opts.pathLen },
  });
  return parseCertificate(der, 'test CA');
}

function leafCert(issuer: Party) {
  const key = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
  const der = buildCertificate({
    issuer,
    subject: encodeSubject({ serial: 'CTX-1001', model: 'comtrexx-vm' }),
    spkiDer: spkiOf(key),
    notBefore: at(-1),
    notAfter: at(30),
  });
  return parseCertificate(der, 'answer certificate');
}

const root = party('Root');
const rootCert = caCert(root, root);
const check = (leaf: ReturnType<typeof leafCert>, intermediates: ReturnType<typeof caCert>[]) =>
  verifyChain({ leaf, intermediates, rootDer: rootCert.der, now: NOW });
const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error('expected a refusal');
};

describe('path building', () => {
  it('a chain of delegated reseller CAs of any depth, the chain given in any order', () => {
    const cas = [party('Issuing'), party('Reseller'), party('Sub-reseller'), party('Shop')];
    const certs = cas.map((ca, i) => caCert(ca, i === 0 ? root : cas[i - 1]!, i === 0 ? { pathLen: 3 } : {}));
    const leaf = leafCert(cas[3]!);
    const path = check(leaf, [...certs].reverse());
    expect(path.map((c) => c.subjectDer)).toEqual([leaf, ...[...certs].reverse(), rootCert].map((c) => c.subjectDer));
  });

  it('tries every CA of the issuer name: an expired copy and a dead end listed first do not hide the good one', () => {
    const issuing = party('Issuing');
    const stranger = party('Stranger Root');
    const expired = caCert(issuing, root, { notAfter: at(-1) });
    const deadEnd = caCert(issuing, stranger);
    const good = caCert(issuing, root);
    const leaf = leafCert(issuing);
    expect(check(leaf, [expired, deadEnd, good])[1]).toBe(good);
    // Without the good copy, the refusal is the one from the deepest attempt, naming the CA.
    const e = refusal(() => check(leaf, [expired]));
    expect(e.code).toBe('CERT_EXPIRED');
    expect(e.message).toContain('"Issuing"');
    expect(refusal(() => check(leaf, [deadEnd])).code).toBe('CHAIN_UNTRUSTED');
  });

  it('two CAs that sign each other but not up to the root: refused, the loop ends', () => {
    const a = party('Loop A');
    const b = party('Loop B');
    const leaf = leafCert(a);
    expect(refusal(() => check(leaf, [caCert(a, b), caCert(b, a)])).code).toBe('CHAIN_UNTRUSTED');
  });

  it('a self-issued CA (a key rollover) does not count against pathLen; a real CA below pathLen 0 does', () => {
    const oldKey = party('Issuing');
    const newKey = { ...party('Issuing'), name: oldKey.name };
    const issuing = caCert(oldKey, root, { pathLen: 0 });
    const rollover = caCert(newKey, oldKey);
    const leaf = leafCert(newKey);
    expect(check(leaf, [issuing, rollover])).toHaveLength(4);
    const reseller = party('Reseller');
    const e = refusal(() => check(leafCert(reseller), [issuing, caCert(reseller, oldKey)]));
    expect(e.code).toBe('CHAIN_PATH_LENGTH');
    expect(e.message).toContain('allows 0 CAs below it, but the chain has 1');
  });

  it(`a chain longer than ${MAX_PATH} certificates is refused`, () => {
    const cas = Array.from({ length: MAX_PATH }, (_, i) => party(`CA ${i}`));
    const certs = cas.map((ca, i) => caCert(ca, i === 0 ? root : cas[i - 1]!));
    expect(refusal(() => check(leafCert(cas[cas.length - 1]!), certs)).code).toBe('CHAIN_TOO_LONG');
  });

  it('a pile of look-alike CAs (one name, a key each, each signing the next) is given up on, bounded', () => {
    const keys = Array.from({ length: 2 * MAX_SIGNATURE_CHECKS }, () => party('Look-alike'));
    const pile = keys.map((k, i) => caCert(k, keys[Math.max(0, i - 1)]!));
    const e = refusal(() => check(leafCert(keys[keys.length - 1]!), pile));
    expect(e.code).toBe('CHAIN_TOO_COMPLEX');
  });

  it('ends at whichever trusted certificate the chain reaches, self-signed or not', () => {
    const issuing = party('Issuing');
    const issuingCert = caCert(issuing, root);
    const leaf = leafCert(issuing);
    const path = validatePath({ leaf, intermediates: [rootCert], anchors: [issuingCert], at: NOW, what: 'answer' });
    expect(path).toEqual([leaf, issuingCert]);
  });
});

describe('link rules name the certificate', () => {
  it('a leaf signed by a non-CA certificate is refused (CHAIN_NOT_CA) with that certificate named', () => {
    const notCa = party('Not a CA');
    const notCaCert = parseCertificate(
      buildCertificate({ issuer: root, subject: notCa.name, spkiDer: notCa.spki, notBefore: at(-1), notAfter: at(9) }),
    );
    const e = refusal(() => check(leafCert(notCa), [notCaCert]));
    expect(e.code).toBe('CHAIN_NOT_CA');
    expect(e.message).toContain('CA certificate 1 of the chain "Not a CA"');
  });

  it('the answer certificate itself must be within its validity period and not a CA', () => {
    const issuing = party('Issuing');
    const issuingCert = caCert(issuing, root);
    const leaf = leafCert(issuing);
    expect(
      refusal(() => verifyChain({ leaf, intermediates: [issuingCert], rootDer: rootCert.der, now: at(31) })).code,
    ).toBe('CERT_EXPIRED');
    expect(refusal(() => check(caCert(party('Other'), issuing) as never, [issuingCert])).code).toBe('CERT_IS_CA');
  });
});
