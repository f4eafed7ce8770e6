// MIKO registration numbers: format, check character, typo reading and masking (pure maths).
import { describe, expect, it } from 'vitest';
import { randomRegistrationNumber } from '../../src/authority/registration/service';
import {
  maskRegistrationNumber,
  readRegistrationNumber,
  registrationNumberSchema,
  typoCandidates,
} from '../../src/shared/registration-number';

const FORMAT = /^MIKO-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/;
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const chars = (n: string) => n.slice(5).replace(/-/g, '');
const withChars = (c: string) => `MIKO-${c.match(/.{5}/g)!.join('-')}`;
const failure = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e as { code: string; message: string; params?: Record<string, unknown> };
  }
  throw new Error('expected a failure');
};

describe('registration numbers', () => {
  it('Registration number format MIKO-XXXXX-XXXXX-XXXXX-XXXXX with a check character, 95 random bits', () => {
    const numbers = Array.from({ length: 200 }, randomRegistrationNumber);
    for (const n of numbers) {
      expect(n).toMatch(FORMAT);
      expect(readRegistrationNumber(n)).toMatchObject({ number: n, checkOk: true });
    }
    expect(new Set(numbers).size).toBe(numbers.length);
    // Every character value appears in the random part: the 19 data characters are full base32 digits.
    expect(new Set(numbers.flatMap((n) => [...chars(n).slice(0, 19)])).size).toBe(32);
  });

  it('every single mistyped character and every swap of two characters is detected', () => {
    for (const n of Array.from({ length: 5 }, randomRegistrationNumber)) {
      const c = chars(n);
      for (let i = 0; i < 20; i++) {
        for (const ch of ALPHABET) {
          if (ch === c[i]) continue;
          expect(readRegistrationNumber(withChars(c.slice(0, i) + ch + c.slice(i + 1))).checkOk).toBe(false);
        }
        for (let j = i + 1; j < 20; j++) {
          if (c[i] === c[j]) continue;
          const s = [...c];
          [s[i], s[j]] = [s[j]!, s[i]!];
          expect(readRegistrationNumber(withChars(s.join(''))).checkOk).toBe(false);
        }
      }
    }
  });

  it('reads numbers the way people type them: any case, I/L as 1, O as 0, spaces or no dashes', () => {
    const n = randomRegistrationNumber();
    const c = chars(n);
    expect(readRegistrationNumber(n.toLowerCase()).number).toBe(n);
    expect(readRegistrationNumber(`  ${c}  `).number).toBe(n);
    expect(readRegistrationNumber(`MIKO${c}`).number).toBe(n);
    expect(readRegistrationNumber(n.replace(/-/g, ' ')).number).toBe(n);
    const withOne = withChars(c.replace(/1/g, 'l').replace(/0/g, 'O'));
    expect(readRegistrationNumber(withOne).number).toBe(n);
  });

  it('a typo is refused naming the group: wrong length, a character not in the alphabet', () => {
    const c = chars(randomRegistrationNumber());
    const short = `MIKO-${c.slice(0, 5)}-${c.slice(5, 9)}-${c.slice(10, 15)}-${c.slice(15)}`;
    expect(failure(() => readRegistrationNumber(short))).toMatchObject({
      code: 'REGISTRATION_NUMBER_TYPO',
      params: { group: 2 },
    });
    const bad = withChars(c.slice(0, 12) + 'U' + c.slice(13));
    const e = failure(() => readRegistrationNumber(bad));
    expect(e).toMatchObject({ code: 'REGISTRATION_NUMBER_TYPO', params: { group: 3, position: 3 } });
    expect(e.message).toContain('group 3, character 3: "U"');
    expect(failure(() => readRegistrationNumber('MIKO-ABCDE-12345'))).toMatchObject({
      code: 'REGISTRATION_NUMBER_INVALID',
    });
    expect(failure(() => readRegistrationNumber('hello'))).toMatchObject({ code: 'REGISTRATION_NUMBER_INVALID' });
  });

  it('the numbers one typo away include the intended one, with its group', () => {
    const n = randomRegistrationNumber();
    const c = chars(n);
    const i = 7; // group 2, character 3
    const typed = withChars(c.slice(0, i) + (c[i] === 'Z' ? 'Y' : 'Z') + c.slice(i + 1));
    expect(typoCandidates(readRegistrationNumber(typed).values)).toContainEqual({ number: n, group: 2, position: 3 });
    const j = c[14] === c[15] ? 3 : 14;
    const s = [...c];
    [s[j], s[j + 1]] = [s[j + 1]!, s[j]!];
    if (s.join('') !== c)
      expect(typoCandidates(readRegistrationNumber(withChars(s.join(''))).values).map((x) => x.number)).toContain(n);
  });

  it('the zod schema gives the canonical number and refuses a failing check', () => {
    const n = randomRegistrationNumber();
    expect(registrationNumberSchema.parse(n.toLowerCase())).toBe(n);
    const c = chars(n);
    const typo = withChars(c.slice(0, 19) + (c[19] === '0' ? '1' : '0'));
    expect(registrationNumberSchema.safeParse(typo).success).toBe(false);
  });

  it('masked numbers show only the last 4 characters', () => {
    const n = randomRegistrationNumber();
    const masked = maskRegistrationNumber(n);
    expect(masked).toBe(`MIKO-XXXXX-XXXXX-XXXXX-X${n.slice(-4)}`);
  });
});
