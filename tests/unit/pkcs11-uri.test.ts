// The PKCS#11 URI of the issuing key (RFC 7512), parsed strictly: what it names, where the PIN
// comes from, and one specific message per bad part. Plus the r||s → DER step of the HSM signer.
import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rawToDer } from '../../src/authority/hsm/pkcs11-signer';
import { parsePkcs11Uri, resolvePin } from '../../src/authority/hsm/pkcs11-uri';
import { errorOf } from '../support/errors';
import { tempDir } from '../support/fixtures';

const MODULE = 'module-path=/usr/lib/softhsm/libsofthsm2.so';
const uri = (path: string, query = `${MODULE}&pin-source=env:HSM_PIN`) => `pkcs11:${path}?${query}`;

describe('parsePkcs11Uri', () => {
  it('reads token, key, module and PIN source, percent-decoding values (id as raw bytes)', () => {
    expect(parsePkcs11Uri(uri('token=Vendor%20HSM;object=issuing%2F1;id=%01%ff;type=private;serial=42'))).toEqual({
      token: { label: 'Vendor HSM', serial: '42' },
      object: 'issuing/1',
      id: Buffer.from([1, 255]),
      modulePath: '/usr/lib/softhsm/libsofthsm2.so',
      pin: { source: 'env', name: 'HSM_PIN' },
    });
    expect(parsePkcs11Uri(uri('token=T;id=%0a', `${MODULE}&pin-source=file:/run/pin`)).pin).toEqual({
      source: 'file',
      path: '/run/pin',
    });
    expect(parsePkcs11Uri(uri('token=T;object=k', `pin-value=1234&${MODULE}`)).pin).toEqual({
      source: 'value',
      value: '1234',
    });
  });

  it.each([
    ['pkcs11-token=T', 'the scheme must be "pkcs11:"'],
    ['pkcs11:token=T;object=k?a=1?b=2', 'more than one "?"'],
    [uri('object=k'), 'token is missing'],
    [uri('token=T'), 'object is missing'],
    [uri('token=T;object=k;type=cert'), 'type must be "private"'],
    [uri('token=T;object=k;slot-id=3'), '"slot-id" is not a path attribute we support'],
    [uri('token=T;token=U;object=k'), 'token is given twice'],
    [uri('token=T;object'), '"object" in the path has no "=value"'],
    [uri('token=My HSM;object=k'), 'token has a character that must be percent-encoded'],
    [uri('token=T;object=k%4'), 'object has a character that must be percent-encoded, or a broken %XX escape'],
    [uri('token=%ff%fe;object=k'), 'token is not valid UTF-8'],
    [uri('token=T;object=k', 'pin-source=env:P'), 'module-path is missing or not absolute'],
    [uri('token=T;object=k', 'module-path=libsofthsm2.so&pin-source=env:P'), 'module-path is missing or not absolute'],
    [uri('token=T;object=k', MODULE), 'pin-source is missing'],
    [uri('token=T;object=k', `${MODULE}&pin-source=env:P&pin-value=1`), 'pin-source and pin-value exclude each other'],
    [uri('token=T;object=k', `${MODULE}&pin-source=pin.txt`), 'pin-source must be env:VARIABLE or file:/absolute/path'],
    [uri('token=T;object=k', `${MODULE}&module-name=softhsm2`), '"module-name" is not a query attribute'],
  ])('refuses %s: %s', (text, message) => {
    const e = errorOf(() => parsePkcs11Uri(text));
    expect(e.code).toBe('PKCS11_URI_INVALID');
    expect(e.kind).toBe('input');
    expect(e.message).toContain(message);
  });
});

describe('resolvePin', () => {
  it('reads the PIN from the environment or a file (one trailing newline dropped), or says what is missing', () => {
    process.env.LD_UNIT_PIN = '8642';
    expect(resolvePin({ source: 'env', name: 'LD_UNIT_PIN' })).toBe('8642');
    delete process.env.LD_UNIT_PIN;
    const unset = errorOf(() => resolvePin({ source: 'env', name: 'LD_UNIT_PIN' }));
    expect([unset.code, unset.message]).toEqual([
      'HSM_PIN_MISSING',
      'pin-source env:LD_UNIT_PIN: the variable LD_UNIT_PIN is not set.',
    ]);
    const file = join(tempDir(), 'pin');
    writeFileSync(file, '97531\n');
    expect(resolvePin({ source: 'file', path: file })).toBe('97531');
    const absent = errorOf(() => resolvePin({ source: 'file', path: `${file}.gone` }));
    expect([absent.code, absent.message]).toEqual(['HSM_PIN_MISSING', `pin-source file:${file}.gone: ENOENT.`]);
  });
});

describe('rawToDer', () => {
  it('turns the token’s r||s into the DER signature Node (and X.509) verify, leading zeros and high bits included', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    let leadingZero = 0;
    for (let i = 0; i < 400 || leadingZero === 0; i++) {
      const data = Buffer.from(`body ${i}`);
      const raw = sign('sha256', data, { key: privateKey, dsaEncoding: 'ieee-p1363' });
      if (raw[0] === 0 || raw[32] === 0) leadingZero++;
      expect(verify('sha256', data, publicKey, rawToDer(raw))).toBe(true);
      raw[40]! ^= 1;
      expect(verify('sha256', data, publicKey, rawToDer(raw))).toBe(false);
    }
    expect(leadingZero).toBeGreaterThan(0);
  });
});
