// src/shared/typed-codes/pasted-text.ts: how pasted text becomes code characters, and the one
// separator rule every kind of code shares (an underscore is named, never skipped).
import { describe, expect, it } from 'vitest';
import { newCouponCode, parseCouponCode } from '../../src/authority/coupons/code';
import { randomRegistrationNumber } from '../../src/authority/registration/service';
import { armour, unarmour } from '../../src/licensing/armour';
import { tidyCoupon } from '../../src/renderer/lib/wizards/coupon';
import { checkRegistration } from '../../src/renderer/lib/wizards/registration';
import { readRegistrationNumber } from '../../src/shared/registration-number';
import { charsAt, joinWrapped, scanTyped, withoutPrefix } from '../../src/shared/typed-codes/pasted-text';
import { isCodeChar } from '../../src/shared/typed-codes/alphabet';
import { errorOf } from '../support/errors';

const tokens = (text: string, groupSize: number, lead = 0) => {
  const scan = scanTyped(text);
  return joinWrapped(scan.fragments, groupSize, { lead }).map((at) => charsAt(scan, at).join(''));
};

describe('reading pasted text', () => {
  it('drops invisible characters, mail quoting and wrappers; splits at separators', () => {
    expect(tokens('> “AB\u200BC-DE\u00ADF GHI”.', 3)).toEqual(['ABC', 'DEF', 'GHI']);
    expect(tokens('>> AB\u2013CD\n> > EF', 2)).toEqual(['AB', 'CD', 'EF']);
  });

  it('mends a lone line break inside a group, and only there', () => {
    expect(tokens('ABC\nDE-FGHIJ', 5)).toEqual(['ABCDE', 'FGHIJ']);
    expect(tokens('ABC\r\n> DE', 5)).toEqual(['ABCDE']);
    expect(tokens('REQ1AB\nCD', 4, 4)).toEqual(['REQ1ABCD']);
    // A blank line or a dash is a separator someone meant; so is a break between whole groups.
    expect(tokens('ABC\n\nDE', 5)).toEqual(['ABC', 'DE']);
    expect(tokens('ABC-\nDE', 5)).toEqual(['ABC', 'DE']);
    expect(tokens('ABCDE\nFGHIJ', 5)).toEqual(['ABCDE', 'FGHIJ']);
    // Mending that does not come out in whole groups leaves the text as typed.
    expect(tokens('ABC\nDEFGH', 5)).toEqual(['ABC', 'DEFGH']);
  });

  it('knows a prefix when it stands alone, is broken across lines, or is glued to a full code', () => {
    const data = (text: string) => {
      const scan = scanTyped(text);
      return withoutPrefix(scan, 'MIKO', 20, isCodeChar)
        .flatMap((f) => charsAt(scan, f.at))
        .join('');
    };
    const twenty = 'ABCDEFGHJKMNPQRSTVWX';
    expect(data(`MIKO-${twenty}`)).toBe(twenty);
    expect(data(`MI\nKO-${twenty}`)).toBe(twenty);
    expect(data(`miko${twenty}`)).toBe(twenty);
    expect(data(`MIKO_${twenty}`)).toBe(`_${twenty}`);
    expect(data('MIKOABCDE')).toBe('MIKOABCDE'); // data may start like the prefix
  });
});

describe('one separator rule: "_" is never a separator', () => {
  it('is a bad character in the armour, named with its group', () => {
    const code = armour('init', new Uint8Array(30).fill(2));
    const afterTag = errorOf(() => unarmour(code.replace(/-/, '_'), 'init'));
    expect(afterTag).toMatchObject({ code: 'CODE_BAD_CHARACTER', params: { group: 1, character: '_' } });
    const inGroup = code.replace(/^(REQ1-[0-9A-Z]{8}-[0-9A-Z]{2})./, '$1_');
    expect(errorOf(() => unarmour(inGroup, 'init')).params).toMatchObject({ group: 2, character: '_' });
  });

  it('is named in a registration number and a coupon, by the reader and by the wizards', () => {
    const number = randomRegistrationNumber();
    const withUnderscore = `${number.slice(0, 10)}_${number.slice(11)}`; // "MIKO-XXXXX_XXXXX-…"
    expect(() => readRegistrationNumber(withUnderscore)).toThrow(
      expect.objectContaining({
        code: 'REGISTRATION_NUMBER_TYPO',
        params: expect.objectContaining({ group: 2, position: 1 }),
      }),
    );
    expect(checkRegistration(withUnderscore)).toEqual({ state: 'typo', group: 2, position: 1 });
    const coupon = newCouponCode();
    const underscored = coupon.replace(/-/g, '_');
    expect(errorOf(() => parseCouponCode(underscored)).message).toContain('"_" in group 1, position 1');
    expect(tidyCoupon(underscored).complete).toBe(false);
    expect(parseCouponCode(coupon.replace(/-/g, '\u2013'))).toBe(coupon);
  });
});
