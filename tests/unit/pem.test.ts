import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { errorOf } from '../support/errors';
import { MAX_PEM_TEXT, fromPem, isPem, toPem, type PemLabel } from '../../src/licensing/pem';

const der = (n: number, seed = 7): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed * 17) & 0xff);
const CERT = der(700);
const CSR = der(300, 3);
const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

/** Re-wrap the base64 of every block at `width` columns (0: all on one line). */
const rewrap = (pem: string, width: number): string =>
  pem.replace(/(-----BEGIN [A-Z ]+-----\n)([\s\S]*?)(\n-----END)/g, (_, open: string, body: string, close: string) => {
    const flat = body.replace(/\n/g, '');
    if (width === 0) return `${open}${flat}${close}`;
    return `${open}${flat.match(new RegExp(`.{1,${width}}`, 'g'))!.join('\n')}${close}`;
  });

describe('toPem', () => {
  it('writes RFC 7468 text: BEGIN line, 64-column base64, END line, final newline', () => {
    const pem = toPem('CERTIFICATE', CERT);
    const lines = pem.split('\n');
    expect(lines[0]).toBe('-----BEGIN CERTIFICATE-----');
    expect(lines.at(-2)).toBe('-----END CERTIFICATE-----');
    expect(lines.at(-1)).toBe('');
    const body = lines.slice(1, -2);
    for (const line of body.slice(0, -1)) expect(line).toHaveLength(64);
    expect(body.at(-1)!.length).toBeLessThanOrEqual(64);
    expect(body.join('')).toBe(b64(CERT));
  });

  it('round-trips any DER for both labels (property)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 3000 }),
        fc.constantFrom<PemLabel>('CERTIFICATE', 'CERTIFICATE REQUEST'),
        (bytes, label) => {
          const pem = toPem(label, bytes);
          expect(pem.split('\n').every((line) => line.length <= 64)).toBe(true);
          expect(fromPem(pem)).toEqual([{ label, der: bytes }]);
          expect(isPem(pem)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('fromPem reads PEM however it was carried', () => {
  it('accepts any line width, CRLF, indentation, mail quoting and surrounding prose (property)', () => {
    const pem = toPem('CERTIFICATE', CERT) + toPem('CERTIFICATE', CSR);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200 }),
        fc.boolean(),
        fc.constantFrom('', '  ', '\t', '> ', '>> ', '> > '),
        (width, crlf, prefix) => {
          let text = rewrap(pem, width);
          text = text
            .split('\n')
            .map((line) => prefix + line)
            .join(crlf ? '\r\n' : '\n');
          text = `Hello,\n\nhere is the chain you asked for:\n\n${text}\nRegards,\nAnna\n-- \nsent from my phone`;
          expect(fromPem(text)).toEqual([
            { label: 'CERTIFICATE', der: CERT },
            { label: 'CERTIFICATE', der: CSR },
          ]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('accepts blocks whose line breaks were lost (one long line)', () => {
    const pem = (toPem('CERTIFICATE', CERT) + toPem('CERTIFICATE', CSR)).replace(/\n/g, ' ');
    expect(fromPem(`cert: ${pem} thanks`).map((b) => b.der)).toEqual([CERT, CSR]);
  });

  it('reads NEW CERTIFICATE REQUEST as CERTIFICATE REQUEST and keeps other labels', () => {
    const old = toPem('CERTIFICATE REQUEST', CSR).replace(/CERTIFICATE REQUEST/g, 'NEW CERTIFICATE REQUEST');
    expect(fromPem(old)).toEqual([{ label: 'CERTIFICATE REQUEST', der: CSR }]);
    const key = toPem('CERTIFICATE', CSR).replace(/CERTIFICATE/g, 'PUBLIC KEY');
    expect(fromPem(key)[0]?.label).toBe('PUBLIC KEY');
  });

  it('ignores zero-width characters pasted inside a block', () => {
    const pem = toPem('CERTIFICATE', CERT).replace(/\n/g, '\u200B\n');
    expect(fromPem(pem)[0]?.der).toEqual(CERT);
  });

  it('returns nothing for text without PEM', () => {
    expect(fromPem('no certificate here')).toEqual([]);
    expect(isPem('REQ1-0000000-00000000')).toBe(false);
    expect(isPem('BEGIN CERTIFICATE')).toBe(false);
  });
});

describe('fromPem errors name the block', () => {
  const one = toPem('CERTIFICATE', CERT);
  const malformed = (text: string, block: number) => {
    const e = errorOf(() => fromPem(text));
    expect(e.code).toBe('PEM_MALFORMED');
    expect(e.params).toMatchObject({ block });
    expect(e.message).toContain(`PEM block ${block} `);
    return e;
  };

  it('reports a missing END line', () => {
    expect(malformed(one + one.slice(0, 200), 2).message).toContain('no END line');
    expect(malformed(one.replace('-----END CERTIFICATE-----', '') + one, 1).message).toContain('no END line');
  });

  it('reports bad base64', () => {
    expect(malformed(one + one.replace(/^(-----BEGIN CERTIFICATE-----\n.{10})./, '$1*'), 2).message).toContain('"*"');
    expect(malformed(one.replace(/\n([^-]{5})/, '\n$1é'), 1).message).toContain('"é"');
    expect(malformed(one.replace(/\n[^-]{5}/, '\n'), 1).message).toContain('multiple of 4');
    malformed(one.replace(/\n[^-]{4}/, '\nA==='), 1);
  });

  it('reports an empty block, a stray END and mismatched labels', () => {
    expect(malformed('-----BEGIN CERTIFICATE-----\n\n-----END CERTIFICATE-----', 1).message).toContain('empty');
    expect(malformed(`-----END CERTIFICATE-----\n${one}`, 1).message).toContain('without a BEGIN');
    expect(malformed(one.replace('END CERTIFICATE', 'END CERTIFICATE REQUEST'), 1).message).toContain(
      'ends as CERTIFICATE REQUEST',
    );
  });

  it('refuses absurdly large text before scanning it', () => {
    expect(errorOf(() => fromPem(one + ' '.repeat(MAX_PEM_TEXT))).code).toBe('PEM_TOO_LARGE');
  });
});

describe('browser safety', () => {
  it('armour, pem and the typed-codes module use no Node modules and no Buffer', () => {
    const files = [
      'licensing/armour',
      'licensing/pem',
      ...['alphabet', 'gf32', 'limits', 'pasted-text'].map((f) => `shared/typed-codes/${f}`),
    ];
    for (const file of files) {
      const source = readFileSync(new URL(`../../src/${file}.ts`, import.meta.url), 'utf8').replace(
        /^\s*\/\/.*$/gm,
        '',
      );
      expect(source).not.toMatch(/from ['"](node:|fs|path|crypto|buffer)/);
      expect(source).not.toMatch(/\bBuffer\b|\brequire\(/);
    }
  });
});
