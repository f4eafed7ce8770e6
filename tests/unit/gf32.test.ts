// GF(32) check characters (src/shared/typed-codes/gf32.ts): the field, and what a group's check
// character catches. The armour, registration numbers and coupons all rest on these properties.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ALPHA,
  GROUP_DATA,
  GROUP_SIZE,
  POSITION_WEIGHTS,
  alphaPow,
  checkValue,
  gfMul,
  groupPasses,
} from '../../src/shared/typed-codes/gf32';

describe('GF(32) check character', () => {
  it('is a field whose generator has order 31', () => {
    const orders = Array.from({ length: 31 }, (_, k) => alphaPow(k));
    expect(new Set(orders).size).toBe(31);
    expect(alphaPow(31)).toBe(1);
    expect(ALPHA).toBe(alphaPow(1));
    for (let a = 1; a < 32; a++) expect(orders.some((b) => gfMul(a, b) === 1)).toBe(true);
  });

  it('multiplication commutes and distributes over XOR (exhaustive)', () => {
    for (let a = 0; a < 32; a++) {
      for (let b = 0; b < 32; b++) {
        expect(gfMul(a, b)).toBe(gfMul(b, a));
        for (let c = 0; c < 32; c++) expect(gfMul(a, b ^ c)).toBe(gfMul(a, b) ^ gfMul(a, c));
      }
    }
  });

  it('catches every substitution and every transposition inside a group (exhaustive over the differences)', () => {
    // The check is linear: a change passes iff the weighted difference is zero. Substituting d at
    // position p changes the sum by w_p·d; swapping a, b at p, q by (w_p ⊕ w_q)·(a ⊕ b).
    expect(POSITION_WEIGHTS).toHaveLength(GROUP_SIZE);
    for (let p = 0; p < GROUP_SIZE; p++) {
      for (let d = 1; d < 32; d++) {
        expect(gfMul(POSITION_WEIGHTS[p]!, d)).not.toBe(0);
        for (let q = p + 1; q < GROUP_SIZE; q++)
          expect(gfMul(POSITION_WEIGHTS[p]! ^ POSITION_WEIGHTS[q]!, d)).not.toBe(0);
      }
    }
  });

  it('catches every substitution and adjacent transposition in random groups (property)', () => {
    const data = fc.array(fc.integer({ min: 0, max: 31 }), { minLength: GROUP_DATA, maxLength: GROUP_DATA });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), data, (index, values) => {
        const group = [...values, checkValue(index, values)];
        expect(groupPasses(index, group)).toBe(true);
        for (let p = 0; p < GROUP_SIZE; p++) {
          for (let v = 0; v < 32; v++) if (v !== group[p]) expect(groupPasses(index, group.with(p, v))).toBe(false);
          const q = p + 1;
          if (q < GROUP_SIZE && group[p] !== group[q])
            expect(groupPasses(index, group.with(p, group[q]!).with(q, group[p]!))).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives groups fewer than 32 apart different checks for the same data', () => {
    const values = [3, 1, 4, 1, 5, 9, 2];
    for (let k = 1; k < 200; k++) {
      for (let j = k + 1; j < k + 32; j++) expect(checkValue(k, values)).not.toBe(checkValue(j, values));
    }
  });
});
