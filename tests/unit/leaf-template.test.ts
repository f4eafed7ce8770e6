// The leaf template must make exactly what the general builder makes: same TBS bytes for the same
// inputs (the signature differs only because ECDSA signatures are randomised), and a signature
// the issuer's key verifies.
import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCertificate, keyIdentifier, parseCertificate, type Issuer } from '../../src/licensing/certificate';
import type { LicensedFeature } from '../../src/licensing/extensions';
import { buildLeaf } from '../../src/licensing/leaf-template';
import { caName, encodeSubject } from '../../src/licensing/names';

const spki = () => generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'der' });
const caKey = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const caSpki = caKey.publicKey.export({ type: 'spki', format: 'der' });
const issuer: Issuer = { name: caName('Template Test Issuing'), key: caKey.privateKey, keyId: keyIdentifier(caSpki) };
const deviceSpki = spki();

const wholeSeconds = (ms: number) => new Date(Math.floor(ms / 1000) * 1000);
const date = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 0, 1) }).map(wholeSeconds);
const feature: fc.Arbitrary<LicensedFeature> = fc.record({
  number: fc.integer({ min: 1, max: 400 }),
  quantity: fc.integer({ min: 1, max: 100_000 }),
  notAfter: fc.option(date, { nil: null }),
  source: fc.constantFrom('grant', 'coupon', 'tryout', 'trial'),
});
const spec = fc.record({
  serialBytes: fc.uint8Array({ minLength: 1, maxLength: 20 }),
  serial: fc.stringMatching(/^[A-Z0-9]{4,16}$/),
  notBefore: date,
  notAfter: date,
  // Up to 40 features: the licence extension's length crosses the one- and two-byte length forms.
  features: fc.array(feature, { maxLength: 40 }),
  hostFingerprint: fc.uint8Array({ minLength: 32, maxLength: 32 }),
  nonce: fc.uint8Array({ minLength: 16, maxLength: 16 }),
  generation: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
});

describe('leaf template', () => {
  it('makes the same TBS as buildCertificate, signed by the issuer', () => {
    fc.assert(
      fc.property(spec, (s) => {
        const leaf = {
          issuer,
          subject: encodeSubject({ serial: s.serial, model: 'comtrexx-vm' }),
          spkiDer: deviceSpki,
          notBefore: s.notBefore,
          notAfter: s.notAfter,
          licence: {
            features: s.features,
            binding: { hostFingerprint: s.hostFingerprint, nonce: s.nonce, generation: s.generation },
          },
        };
        const fromTemplate = parseCertificate(buildLeaf(leaf, s.serialBytes));
        const fromBuilder = parseCertificate(buildCertificate(leaf, s.serialBytes));
        expect(Buffer.from(fromTemplate.tbs).equals(Buffer.from(fromBuilder.tbs))).toBe(true);
        expect(fromTemplate.signatureAlgorithm).toBe(fromBuilder.signatureAlgorithm);
        expect(verify('sha256', fromTemplate.tbs, createPublicKey(caKey.privateKey), fromTemplate.signature)).toBe(
          true,
        );
      }),
      { numRuns: 150 },
    );
  });

  it('keeps one issuer’s fixed parts apart from another’s', () => {
    const other = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const otherSpki = other.publicKey.export({ type: 'spki', format: 'der' });
    const second: Issuer = { name: caName('Other Issuing'), key: other.privateKey, keyId: keyIdentifier(otherSpki) };
    const leaf = (i: Issuer) =>
      parseCertificate(
        buildLeaf(
          {
            issuer: i,
            subject: encodeSubject({ serial: 'TPL1' }),
            spkiDer: deviceSpki,
            notBefore: new Date('2026-01-01T00:00:00Z'),
            notAfter: new Date('2027-01-01T00:00:00Z'),
            licence: {
              features: [],
              binding: { hostFingerprint: new Uint8Array(32), nonce: new Uint8Array(16), generation: 1 },
            },
          },
          Uint8Array.of(1, 2, 3),
        ),
      );
    expect(leaf(issuer).authorityKeyId).toEqual(issuer.keyId);
    expect(leaf(second).authorityKeyId).toEqual(second.keyId);
    expect(leaf(second).issuerDer.equals(leaf(issuer).issuerDer)).toBe(false);
  });
});
