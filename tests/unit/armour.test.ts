import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { base32crockford } from '@scure/base';
import CRC32 from 'crc-32';
import {
  GROUP_DATA,
  GROUP_SIZE,
  armour,
  codeChars,
  looksLikeArmour,
  unarmour,
  type CodeKind,
} from '../../src/licensing/armour';
import { checkValue } from '../../src/shared/typed-codes/gf32';
import { MAX_CODE_TEXT } from '../../src/shared/typed-codes/limits';
import { errorOf } from '../support/errors';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODES = [
  'CODE_TOO_LARGE',
  'CODE_EMPTY',
  'CODE_NOT_RECOGNISED',
  'CODE_UNSUPPORTED_VERSION',
  'CODE_WRONG_KIND',
  'CODE_BAD_CHARACTER',
  'CODE_GROUP_LENGTH',
  'CODE_GROUP_TYPO',
  'CODE_GROUPS_SWAPPED',
  'CODE_TRUNCATED',
  'CODE_TOO_LONG',
  'CODE_CHECKSUM',
];

/** Deterministic bytes, so that failures reproduce. */
const bytes = (n: number, seed = 1): Uint8Array => {
  let x = seed;
  return Uint8Array.from({ length: n }, () => ((x = (x * 1103515245 + 12345) >>> 0), x >>> 24));
};

const parts = (code: string) => {
  const [tag = '', ...groups] = code.split(/[-\n]/);
  return { tag, groups };
};
const join = (tag: string, groups: string[]): string => [tag, ...groups].join('-');

const SAMPLE = bytes(200);
const CODE = armour('answer', SAMPLE);
const { tag: TAG, groups: GROUPS } = parts(CODE);

describe('armour format', () => {
  it('lays a code out as tag, 8-character groups, 6 groups a line', () => {
    const lines = CODE.split('\n');
    expect(lines[0]).toMatch(/^ANS1(-[0-9A-HJKMNP-TV-Z]{8}){6}$/);
    for (const line of lines.slice(1, -1)) expect(line).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}(-[0-9A-HJKMNP-TV-Z]{8}){5}$/);
    expect(lines.at(-1)).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}(-[0-9A-HJKMNP-TV-Z]{8}){0,5}$/);
    expect(armour('init', new Uint8Array([1, 2, 3]))).toBe('REQ1-001G20G9-3FSN03ZQ-00000003');
  });

  it('carries [u16 length][payload][CRC-32] in base32 data characters, zero-padded', () => {
    const data = GROUPS.map((g) => g.slice(0, GROUP_DATA)).join('');
    const total = 2 + SAMPLE.length + 4;
    const used = Math.ceil((total * 8) / 5);
    expect(data.slice(used)).toMatch(/^0*$/);
    expect(data.length - used).toBeLessThan(GROUP_DATA);
    const body = base32crockford.decode(data.slice(0, used));
    const view = new DataView(body.buffer, body.byteOffset);
    expect(view.getUint16(0)).toBe(SAMPLE.length);
    expect(body.slice(2, 2 + SAMPLE.length)).toEqual(SAMPLE);
    expect(view.getUint32(2 + SAMPLE.length)).toBe(CRC32.buf(body.subarray(0, 2 + SAMPLE.length)) >>> 0);
  });

  it('round-trips any payload of 0..3000 bytes for both kinds', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.constantFrom<CodeKind>('init', 'answer'), (payload, kind) => {
        const code = armour(kind, payload);
        expect(unarmour(code, kind)).toEqual({ kind, payload });
        expect(unarmour(code, 'any').kind).toBe(kind);
        expect(codeChars(code)).toBe(code.replace(/[-\n]/g, '').length);
        expect((codeChars(code) - 4) % GROUP_SIZE).toBe(0);
        expect(looksLikeArmour(code)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('refuses payloads whose code would exceed MAX_CODE_TEXT, and round-trips the largest that fits', () => {
    expect(errorOf(() => armour('init', new Uint8Array(65536))).code).toBe('CODE_TOO_LARGE');
    expect(errorOf(() => armour('init', new Uint8Array(7957))).code).toBe('CODE_TOO_LARGE');
    const largest = bytes(7956, 5);
    const code = armour('answer', largest);
    expect(code.length).toBeLessThanOrEqual(MAX_CODE_TEXT);
    expect(unarmour(code, 'answer').payload).toEqual(largest);
  });
});

describe('tolerant reading', () => {
  const SEPARATORS = [
    ' ',
    '\t',
    '\n',
    '\r\n',
    '  ',
    '-',
    ' - ',
    '\u2010',
    '\u2013',
    '\u2014',
    '\u2212',
    '\uFE58',
    '\uFE63',
    '\uFF0D',
    '\u00A0',
    '\u2007',
    '\u202F',
    '',
    '',
  ];
  const INVISIBLE = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD'];
  const LOOKALIKE: Record<string, string[]> = { '1': ['1', 'I', 'i', 'L', 'l'], '0': ['0', 'O', 'o'] };
  const WRAP = [
    ['', ''],
    ['"', '"'],
    ['“', '”'],
    ['‘', '’'],
    ['«', '»'],
    ['„', '“'],
    ['‚', '‘'],
    ['<', '>'],
    ['‹', '›'],
    ['`', '`'],
    ["'", "'"],
    ['  ', '.\n'],
  ];

  const noisy = (code: string, rnd: () => number): string => {
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const { tag, groups } = parts(code);
    const mangle = (token: string) =>
      [...token]
        .map((ch) => {
          const shown = LOOKALIKE[ch] ? pick(LOOKALIKE[ch]) : rnd() < 0.5 ? ch.toLowerCase() : ch;
          return rnd() < 0.05 ? pick(INVISIBLE) + shown : shown;
        })
        .join('');
    let text = mangle(tag);
    for (const group of groups) text += pick(SEPARATORS) + mangle(group);
    if (rnd() < 0.3)
      text = text
        .split('\n')
        .map((line) => `${pick(['> ', '>', '> > ', '>> '])}${line}`)
        .join('\n');
    const [open, close] = pick(WRAP);
    return `${open}${text}${close}`;
  };

  it('accepts separators, invisible characters, case, I/L/O look-alikes, quotes and mail quoting (property)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 400 }),
        fc.constantFrom<CodeKind>('init', 'answer'),
        fc.integer(),
        (payload, kind, seed) => {
          let x = seed >>> 0;
          const rnd = () => ((x = (x * 1664525 + 1013904223) >>> 0), x / 2 ** 32);
          const code = armour(kind, payload);
          const text = noisy(code, rnd);
          expect(unarmour(text, kind)).toEqual({ kind, payload });
          expect(looksLikeArmour(text)).toBe(true);
          expect(codeChars(text)).toBe(codeChars(code));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('accepts a code written with no separators at all', () => {
    expect(unarmour(CODE.replace(/[-\n]/g, ''), 'answer').payload).toEqual(SAMPLE);
  });
});

describe('every mistake is found and placed', () => {
  const typoAt = (text: string, group: number) => {
    const e = errorOf(() => unarmour(text, 'answer'));
    expect(e.code).toBe('CODE_GROUP_TYPO');
    expect(e.params).toMatchObject({ groups: [group] });
    expect(e.message).toContain(`Group ${group} (`);
    return e;
  };

  it('catches every single-character substitution at every position, naming the group', () => {
    let checked = 0;
    GROUPS.forEach((group, g) => {
      for (let p = 0; p < GROUP_SIZE; p++) {
        for (const ch of ALPHABET) {
          if (ch === group[p]) continue;
          const changed = group.slice(0, p) + ch + group.slice(p + 1);
          const e = typoAt(join(TAG, GROUPS.with(g, changed)), g + 1);
          expect(e.params).toMatchObject({ texts: [changed] });
          checked++;
        }
      }
    });
    expect(checked).toBe(GROUPS.length * GROUP_SIZE * 31);
  });

  it('never accepts a changed tag', () => {
    for (let p = 0; p < 4; p++) {
      for (const ch of ALPHABET + 'UIO') {
        const tag = TAG.slice(0, p) + ch + TAG.slice(p + 1);
        if (tag === TAG || tag.replace(/[IL]/g, '1').replace(/O/g, '0') === TAG) continue;
        expect(['CODE_NOT_RECOGNISED', 'CODE_UNSUPPORTED_VERSION', 'CODE_WRONG_KIND']).toContain(
          errorOf(() => unarmour(join(tag, GROUPS), 'answer')).code,
        );
      }
    }
  });

  it('catches every transposition of two different characters inside a group', () => {
    GROUPS.forEach((group, g) => {
      for (let p = 0; p < GROUP_SIZE; p++) {
        for (let q = p + 1; q < GROUP_SIZE; q++) {
          if (group[p] === group[q]) continue;
          const chars = [...group];
          [chars[p], chars[q]] = [chars[q]!, chars[p]!];
          typoAt(join(TAG, GROUPS.with(g, chars.join(''))), g + 1);
        }
      }
    });
  });

  it('names two swapped groups, and leaves rarer rearrangements to the CRC', () => {
    expect(GROUPS.length).toBeGreaterThan(40);
    for (let i = 0; i < GROUPS.length; i++) {
      for (let j = i + 1; j < GROUPS.length; j++) {
        if (GROUPS[i] === GROUPS[j]) continue;
        const swapped = GROUPS.with(i, GROUPS[j]!).with(j, GROUPS[i]!);
        const e = errorOf(() => unarmour(join(TAG, swapped), 'answer'));
        if (j - i === 32) {
          // Same h(k): the group checks pass, so the length header (group 1) or the CRC objects.
          expect(e.code).toEqual(i === 0 ? expect.stringMatching(/^CODE_(TRUNCATED|TOO_LONG)$/) : 'CODE_CHECKSUM');
          continue;
        }
        expect(e.code).toBe('CODE_GROUPS_SWAPPED');
        expect(e.params).toMatchObject({ groups: [i + 1, j + 1], texts: [GROUPS[j], GROUPS[i]] });
        expect(e.message).toContain(`Groups ${i + 1} and ${j + 1} are swapped`);
      }
    }
  });

  it('places a missing group, and a group pasted twice', () => {
    const n = GROUPS.length;
    for (let g = 0; g < n; g++) {
      const missing = errorOf(() => unarmour(join(TAG, GROUPS.toSpliced(g, 1)), 'answer'));
      if (g === n - 1) expect(missing.params).toMatchObject({ found: n - 1, expected: n });
      else if (g === n - 2) expect(missing.params).toMatchObject({ groups: [n - 1] });
      else expect(missing.params).toMatchObject({ missing: g + 1 });
      const doubled = errorOf(() => unarmour(join(TAG, GROUPS.toSpliced(g, 0, GROUPS[g]!)), 'answer'));
      if (g === n - 1) expect(doubled.code).toBe('CODE_TOO_LONG');
      else if (g === n - 2) expect(doubled.params).toMatchObject({ groups: [n] });
      else expect(doubled.params).toMatchObject({ extra: g + 2 });
    }
  });

  it('reports truncation at every group boundary with the right counts', () => {
    for (let k = 0; k < GROUPS.length; k++) {
      const e = errorOf(() => unarmour(join(TAG, GROUPS.slice(0, k)), 'answer'));
      expect(e.code).toBe('CODE_TRUNCATED');
      if (k === 0) continue;
      expect(e.params).toMatchObject({ found: k, expected: GROUPS.length });
      expect(e.message).toContain(`${k} of ${GROUPS.length} groups found`);
    }
  });

  it('reports a cut inside the last group as a short group', () => {
    const cut = CODE.slice(0, CODE.length - 3);
    const e = errorOf(() => unarmour(cut, 'answer'));
    expect(e.code).toBe('CODE_GROUP_LENGTH');
    expect(e.params).toMatchObject({ group: GROUPS.length, length: 5, expected: 8 });
    expect(e.message).toContain('cut off');
  });

  it('reports extra groups after the end, and a second code', () => {
    const e = errorOf(() => unarmour(join(TAG, [...GROUPS, GROUPS[3]!, GROUPS[4]!]), 'answer'));
    expect(e.code).toBe('CODE_TOO_LONG');
    expect(e.params).toMatchObject({ expected: GROUPS.length, groups: [GROUPS.length + 1, GROUPS.length + 2] });
    expect(errorOf(() => unarmour(`${CODE}\n\n${CODE}`, 'answer')).code).toBe('CODE_TOO_LONG');
  });

  it('reports a typo before the end even when extra groups follow', () => {
    const e = errorOf(() =>
      unarmour(
        join(TAG, [...GROUPS.with(4, `${GROUPS[4]!.slice(0, 7)}${GROUPS[4]![7] === 'Z' ? 'Y' : 'Z'}`), 'ZZZZZZZZ']),
        'answer',
      ),
    );
    expect(e.params).toMatchObject({ groups: [5] });
  });

  it('names the group and the character outside the alphabet', () => {
    for (const bad of ['U', 'u', '*', '!', 'é', '😀', '_']) {
      for (const g of [0, 7, GROUPS.length - 1]) {
        const changed = GROUPS[g]!.slice(0, 3) + bad + GROUPS[g]!.slice(4);
        const e = errorOf(() => unarmour(join(TAG, GROUPS.with(g, changed)), 'answer'));
        expect(e.code).toBe('CODE_BAD_CHARACTER');
        expect(e.params).toMatchObject({ group: g + 1, text: changed, character: bad });
        expect(e.message).toContain(`Group ${g + 1} (`);
      }
    }
  });

  it('names a group with the wrong number of characters', () => {
    const short = errorOf(() => unarmour(join(TAG, GROUPS.with(9, GROUPS[9]!.slice(1))), 'answer'));
    expect(short.code).toBe('CODE_GROUP_LENGTH');
    expect(short.params).toMatchObject({ group: 10, length: 7, expected: 8 });
    expect(short.message).toContain('Group 10 (');
    const long = errorOf(() => unarmour(join(TAG, GROUPS.with(2, `${GROUPS[2]}7`)), 'answer'));
    expect(long.params).toMatchObject({ group: 3, length: 9 });
  });

  it('lists at most five typo groups in the message, all of them in the params', () => {
    const bad = [1, 4, 9, 12, 20, 30, 41];
    const changed = GROUPS.map((g, i) => (bad.includes(i + 1) ? `${g.slice(0, 7)}${g[7] === 'Z' ? 'Y' : 'Z'}` : g));
    const e = errorOf(() => unarmour(join(TAG, changed), 'answer'));
    expect(e.code).toBe('CODE_GROUP_TYPO');
    expect(e.params).toMatchObject({ groups: bad });
    expect(e.message).toMatch(/^Groups 1 \(\w{8}\), 4 .* and 2 more have typos/);
  });

  it('quotes the group as the user typed it', () => {
    const typed = GROUPS.map((g) => g.toLowerCase());
    typed[6] = `${typed[6]!.slice(0, 7)}${typed[6]![7] === 'z' ? 'y' : 'z'}`;
    expect(errorOf(() => unarmour(join('req1', typed), 'any')).params).toMatchObject({ texts: [typed[6]] });
  });
});

describe('kind, version and other refusals', () => {
  it('says when the wrong kind of code was pasted', () => {
    const init = armour('init', SAMPLE);
    const wrongAnswer = errorOf(() => unarmour(CODE, 'init'));
    expect(wrongAnswer.code).toBe('CODE_WRONG_KIND');
    expect(wrongAnswer.message).toBe('You pasted an answer code where an initialisation code belongs.');
    expect(errorOf(() => unarmour(init, 'answer')).message).toBe(
      'You pasted an initialisation code where an answer code belongs.',
    );
    expect(unarmour(init, 'any').kind).toBe('init');
  });

  it('refuses other format versions by name', () => {
    for (const tag of ['REQ2', 'ANS9', 'REQ0']) {
      const e = errorOf(() => unarmour(join(tag, GROUPS), 'any'));
      expect(e.code).toBe('CODE_UNSUPPORTED_VERSION');
      expect(e.message).toContain(`version ${tag[3]}`);
      expect(e.message).toContain('reads version 1');
      expect(looksLikeArmour(join(tag, GROUPS))).toBe(true);
    }
  });

  it('refuses empty text and text that is not a code', () => {
    for (const empty of ['', '   \n\t', '\u200B\uFEFF', '""', '> ', '<>'])
      expect(errorOf(() => unarmour(empty, 'any')).code).toBe('CODE_EMPTY');
    for (const other of ['hello world', '-----BEGIN CERTIFICATE-----', 'MIIBIjANBgkqhkiG9w0B', 'RE', 'RQE1-00000000']) {
      const e = errorOf(() => unarmour(other, 'any'));
      expect(e.code).toBe('CODE_NOT_RECOGNISED');
      expect(e.message).toMatch(/^This is not a Licence Desk code: /);
      expect(looksLikeArmour(other)).toBe(false);
    }
  });

  it('points at a code pasted together with prose before it', () => {
    const e = errorOf(() => unarmour(`Here is the answer: ${CODE}`, 'answer'));
    expect(e.code).toBe('CODE_NOT_RECOGNISED');
    expect(e.message).toContain('begin further on at "ANS1');
    expect(errorOf(() => unarmour('hello world', 'any')).message).not.toContain('further on');
  });

  it('refuses text over 16 KiB (counted in UTF-8 bytes) before anything else', () => {
    expect(errorOf(() => unarmour('x'.repeat(MAX_CODE_TEXT + 1), 'init')).code).toBe('CODE_TOO_LARGE');
    expect(errorOf(() => unarmour(CODE + ' '.repeat(MAX_CODE_TEXT), 'init')).code).toBe('CODE_TOO_LARGE');
    expect(errorOf(() => unarmour('€'.repeat(6000), 'init')).code).toBe('CODE_TOO_LARGE');
    expect(errorOf(() => unarmour('é'.repeat(6000), 'init')).code).toBe('CODE_NOT_RECOGNISED');
    expect(unarmour(CODE + ' '.repeat(MAX_CODE_TEXT - CODE.length), 'answer').payload).toEqual(SAMPLE);
  });

  it('never succeeds on, nor crashes with, random text', () => {
    const code = fc.string({ unit: 'binary', maxLength: 600 });
    const tagged = fc
      .tuple(
        fc.constantFrom('REQ1-', 'ANS1', 'ans1 '),
        fc.string({ unit: fc.constantFrom(...ALPHABET, '-', ' '), maxLength: 600 }),
      )
      .map(([t, s]) => t + s);
    fc.assert(
      fc.property(fc.oneof(code, tagged), (text) => {
        expect(CODES).toContain(errorOf(() => unarmour(text, 'any')).code);
      }),
      { numRuns: 2000 },
    );
  });

  it('rejects groups that pass their own checks but were never a code', () => {
    const validGroups = fc.array(
      fc.array(fc.integer({ min: 0, max: 31 }), { minLength: GROUP_DATA, maxLength: GROUP_DATA }),
      { minLength: 1, maxLength: 60 },
    );
    fc.assert(
      fc.property(validGroups, (groups) => {
        const text = join(
          'REQ1',
          groups.map((v, i) => [...v, checkValue(i + 1, v)].map((x) => ALPHABET[x]).join('')),
        );
        expect(['CODE_TRUNCATED', 'CODE_TOO_LONG', 'CODE_CHECKSUM']).toContain(
          errorOf(() => unarmour(text, 'init')).code,
        );
      }),
      { numRuns: 2000 },
    );
  });
});
