// markGroups must number groups exactly as the armour does, or the wizard would mark the wrong
// group: checked against the real armour's error params for typos anywhere, in any layout.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { armour, unarmour } from '../../src/licensing/armour';
import { faultyGroups, markGroups, markedTexts } from '../../src/renderer/lib/code-marking';
import { isLdError } from '../../src/shared/errors';
import { rewrap, rewrapArb } from '../support/rewrap';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Replaces one data character of group `group` (1-based) with another alphabet character. */
function typo(code: string, group: number, at: number, shift: number): string {
  let seen = 0;
  let inTag = true;
  let pos = 0;
  const chars = [...code];
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] === '-' || chars[i] === '\n') {
      inTag = false;
      pos = 0;
      continue;
    }
    if (inTag) continue;
    if (pos === 0) seen++;
    if (seen === group && pos === at) {
      const v = ALPHABET.indexOf(chars[i]!);
      chars[i] = ALPHABET[(v + shift) % 32]!;
      return chars.join('');
    }
    pos = (pos + 1) % 8;
  }
  throw new Error('group not found');
}

function errorOf(text: string) {
  try {
    unarmour(text, 'any');
  } catch (e) {
    if (isLdError(e)) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('markGroups', () => {
  it('keeps the text exactly and marks nothing without groups', () => {
    const code = armour('init', new Uint8Array(60).fill(7));
    const segments = markGroups(code, []);
    expect(segments.map((s) => s.text).join('')).toBe(code);
    expect(segments.some((s) => s.marked)).toBe(false);
    expect(segments[0]).toEqual({ text: 'REQ1-', group: null, marked: false });
    expect(segments[1]).toMatchObject({ group: 1, text: code.slice(5, 13) });
  });

  it('marks the group the armour names for a single typo, in every layout', () => {
    let placed = 0;
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 20, maxLength: 200 }),
        fc.nat(),
        fc.integer({ min: 0, max: 7 }),
        fc.integer({ min: 1, max: 31 }),
        fc.constantFrom('as-is', 'spaces', 'one-line', 'quoted', 'lower', 'glued'),
        (payload, g, at, shift, layout) => {
          const code = armour('init', payload);
          const groups = code.split(/[-\n]/).length - 1;
          const group = (g % groups) + 1;
          let text = typo(code, group, at, shift);
          if (layout === 'spaces') text = text.replace(/-/g, ' ');
          if (layout === 'one-line') text = text.replace(/\n/g, '-');
          if (layout === 'quoted')
            text = text
              .split('\n')
              .map((l) => `> ${l}`)
              .join('\n');
          if (layout === 'lower') text = `"${text.toLowerCase()}".`;
          if (layout === 'glued') text = text.replace(/-/g, '').replace(/\n/g, '');
          const error = errorOf(text);
          const named = faultyGroups(error.params);
          if (error.code !== 'CODE_GROUP_TYPO' || named.length === 0) return; // e.g. the length header hit: not a placed typo
          const segments = markGroups(text, named);
          expect(segments.map((s) => s.text).join('')).toBe(text);
          expect(markedTexts(segments)).toEqual(error.params!.texts);
          placed++;
        },
      ),
      { numRuns: 300 },
    );
    expect(placed).toBeGreaterThan(200);
  });

  it('marks swapped groups and surplus groups', () => {
    const code = armour(
      'answer',
      new Uint8Array(90).fill(3).map((v, i) => (v * i) & 255),
    );
    const parts = code.split(/([-\n])/);
    // parts: REQ1, -, g1, -, g2 …: swap groups 2 and 3
    [parts[4], parts[6]] = [parts[6]!, parts[4]!];
    const swapped = parts.join('');
    const error = errorOf(swapped);
    expect(error.code).toBe('CODE_GROUPS_SWAPPED');
    expect(markedTexts(markGroups(swapped, faultyGroups(error.params)))).toEqual(error.params!.texts);

    const surplus = `${code}-ABCDEFGH`;
    const long = errorOf(surplus);
    expect(faultyGroups(long.params)).toHaveLength(1);
    expect(markedTexts(markGroups(surplus, faultyGroups(long.params)))).toEqual(['ABCDEFGH']);
  });

  it('places a bad character or short group by params.group', () => {
    const code = armour('init', new Uint8Array(40).fill(9));
    const bad = code.replace(/^(REQ1-[0-9A-Z]{8}-[0-9A-Z]{3})./, '$1!');
    const error = errorOf(bad);
    expect(error.code).toBe('CODE_BAD_CHARACTER');
    expect(faultyGroups(error.params)).toEqual([2]);
    const [marked] = markedTexts(markGroups(bad, [2]));
    expect(marked).toContain('!');
  });

  it('marks the group the armour names in a code a mail client re-wrapped (property)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 20, maxLength: 300 }),
        fc.nat(),
        fc.integer({ min: 0, max: 7 }),
        fc.integer({ min: 1, max: 31 }),
        rewrapArb,
        (payload, g, at, shift, r) => {
          const code = armour('answer', payload);
          const group = (g % (code.split(/[-\n]/).length - 1)) + 1;
          const text = rewrap(typo(code, group, at, shift), r);
          const error = errorOf(text);
          expect(error.code).toBe('CODE_GROUP_TYPO');
          expect(faultyGroups(error.params)).toEqual([group]);
          const segments = markGroups(text, [group]);
          expect(segments.map((s) => s.text).join('')).toBe(text);
          // One run per group, line breaks and quoting a wrap put inside it included.
          const marked = markedTexts(segments);
          expect(marked).toHaveLength(1);
          expect(marked.map((m) => m.replace(/[^0-9A-Z]/gi, ''))).toEqual(error.params!.texts);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps a zero-width space inside the group it interrupts', () => {
    const segments = markGroups('REQ1-ABCD\u200BEFGH-12345678', [1]);
    expect(markedTexts(segments)).toEqual(['ABCD\u200BEFGH']);
  });
});

describe('faultyGroups', () => {
  it('reads groups or group, ignores anything else', () => {
    expect(faultyGroups({ groups: [3, 7] })).toEqual([3, 7]);
    expect(faultyGroups({ group: 4 })).toEqual([4]);
    expect(faultyGroups({ group: 'x' })).toEqual([]);
    expect(faultyGroups(undefined)).toEqual([]);
  });
});
