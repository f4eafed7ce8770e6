// Codes a mail client re-wrapped (Issue 9 item 9): a code joined into one line and hard-wrapped
// at any column, with invisible characters sprinkled in, reads back to the same bytes; a real
// typo is still found and named in the same group as in the untouched code. For the armour
// (REQ1 and ANS1), registration numbers and coupons, which share src/shared/typed-codes.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { newCouponCode, parseCouponCode } from '../../src/authority/coupons/code';
import { randomRegistrationNumber } from '../../src/authority/registration/service';
import { armour, codeChars, unarmour, type CodeKind } from '../../src/licensing/armour';
import { readRegistrationNumber, typoCandidates } from '../../src/shared/registration-number';
import { ALPHABET } from '../../src/shared/typed-codes/alphabet';
import { errorOf } from '../support/errors';
import { hardWrap, rewrap, rewrapArb } from '../support/rewrap';

/** `code` with its `at`-th code character after `skip` prefix characters replaced by `replace(ch)`. */
function withChar(code: string, skip: number, at: number, replace: (ch: string) => string): string {
  let seen = -skip;
  return code.replace(/[0-9A-Z]/g, (ch) => (seen++ === at ? replace(ch) : ch));
}

/** A real typo: the character moved `shift` (1..31) places along the alphabet. */
const withTypo = (code: string, skip: number, at: number, shift: number): string =>
  withChar(code, skip, at, (ch) => ALPHABET[(ALPHABET.indexOf(ch) + shift) % 32]!);

const kindArb = fc.constantFrom<CodeKind>('init', 'answer');

describe('armour codes a mail client re-wrapped', () => {
  it('decode to the same bytes at any column 20..100, with invisible characters anywhere (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), kindArb, rewrapArb, (payload, kind, r) => {
        const code = armour(kind, payload);
        const text = rewrap(code, r);
        expect(unarmour(text, kind)).toEqual({ kind, payload });
        expect(codeChars(text)).toBe(codeChars(code));
      }),
      { numRuns: 400 },
    );
  });

  it('name the same group for a typo as the untouched code does (property)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 400 }),
        kindArb,
        fc.nat(),
        fc.integer({ min: 1, max: 31 }),
        rewrapArb,
        (payload, kind, where, shift, r) => {
          const code = armour(kind, payload);
          const chars = codeChars(code) - 4;
          const at = where % chars;
          const typo = withTypo(code, 4, at, shift);
          const plain = errorOf(() => unarmour(typo, kind));
          expect(plain.code).toBe('CODE_GROUP_TYPO');
          expect(plain.params).toMatchObject({ groups: [Math.floor(at / 8) + 1] });
          const wrapped = errorOf(() => unarmour(rewrap(typo, r), kind));
          expect({ code: wrapped.code, params: wrapped.params }).toEqual({
            code: plain.code,
            params: plain.params,
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('still name a wrong kind and a bad character in its group after re-wrapping', () => {
    const code = armour('init', new Uint8Array(120).fill(5));
    const text = hardWrap(code.replace(/\n/g, '-'), 37);
    expect(errorOf(() => unarmour(text, 'answer')).code).toBe('CODE_WRONG_KIND');
    const bad = withChar(code, 4, 8 * 6 + 2, () => '*'); // group 7, the first on the second line
    const plain = errorOf(() => unarmour(bad, 'init'));
    expect(plain).toMatchObject({ code: 'CODE_BAD_CHARACTER', params: { group: 7, character: '*' } });
    for (let column = 20; column <= 100; column++)
      expect(errorOf(() => unarmour(hardWrap(bad.replace(/\n/g, '-'), column), 'init')).params).toEqual(plain.params);
  });

  it('keeps a short group at the end of a line the short group the person sees', () => {
    const code = armour('answer', new Uint8Array(200).fill(1));
    const lines = code.split('\n');
    lines[0] = lines[0]!.slice(0, -1); // group 6 loses its last character
    const e = errorOf(() => unarmour(lines.join('\n'), 'answer'));
    expect(e).toMatchObject({ code: 'CODE_GROUP_LENGTH', params: { group: 6, length: 7 } });
  });

  it('never splits a group at an invisible character, also written without separators', () => {
    const code = armour('init', new Uint8Array(64).fill(9));
    const glued = code.replace(/[-\n]/g, '');
    for (const ch of ['\u200B', '\u00AD', '\u2060', '\uFEFF', '\u200C', '\u200D']) {
      const text = [...glued].join(ch);
      expect(unarmour(text, 'init').payload).toEqual(new Uint8Array(64).fill(9));
      expect(unarmour(code.replace(/-/g, `${ch}-${ch}`), 'init').payload).toEqual(new Uint8Array(64).fill(9));
    }
  });
});

describe('registration numbers a mail client re-wrapped', () => {
  it('read back to the same number, and a typo is placed in its group (property)', () => {
    fc.assert(
      fc.property(fc.nat({ max: 19 }), fc.integer({ min: 1, max: 31 }), rewrapArb, (at, shift, r) => {
        const number = randomRegistrationNumber();
        expect(readRegistrationNumber(rewrap(number, r))).toMatchObject({ number, checkOk: true });
        const typed = readRegistrationNumber(rewrap(withTypo(number, 4, at, shift), r));
        expect(typed.checkOk).toBe(false);
        expect(typoCandidates(typed.values)).toContainEqual({
          number,
          group: Math.floor(at / 5) + 1,
          position: (at % 5) + 1,
        });
      }),
      { numRuns: 300 },
    );
  });

  it('name the group of a bad character or a short group as the untouched number does', () => {
    const number = randomRegistrationNumber();
    const bad = `${number.slice(0, 13)}U${number.slice(14)}`; // group 2, character 3
    const short = `${number.slice(0, 14)}${number.slice(15)}`; // group 2 has 4 characters
    for (const text of [bad, short]) {
      const plain = errorOf(() => readRegistrationNumber(text));
      expect(plain).toMatchObject({ code: 'REGISTRATION_NUMBER_TYPO', params: { group: 2 } });
      for (let indent = 0; indent < 30; indent++) {
        const wrapped = hardWrap(' '.repeat(indent) + text, 20).trimStart();
        expect(errorOf(() => readRegistrationNumber(wrapped)).params).toEqual(plain.params);
      }
    }
  });
});

describe('coupons a mail client re-wrapped', () => {
  it('read back to the same code; a typo is still caught; a bad character is named (property)', () => {
    fc.assert(
      fc.property(fc.nat({ max: 19 }), fc.integer({ min: 1, max: 31 }), rewrapArb, (at, shift, r) => {
        const code = newCouponCode();
        expect(parseCouponCode(rewrap(code, r))).toBe(code);
        expect(() => parseCouponCode(rewrap(withTypo(code, 3, at, shift), r))).toThrow(
          expect.objectContaining({ code: 'COUPON_TYPO' }),
        );
        const bad = withChar(code, 3, at, () => 'U');
        const plain = errorOf(() => parseCouponCode(bad));
        expect(plain.message).toContain(`"U" in group ${Math.floor(at / 5) + 1}, position ${(at % 5) + 1}`);
        expect(errorOf(() => parseCouponCode(rewrap(bad, r))).message).toBe(plain.message);
      }),
      { numRuns: 200 },
    );
  });
});
