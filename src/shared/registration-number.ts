// MIKO registration numbers: `MIKO-XXXXX-XXXXX-XXXXX-XXXXX`, 20 upper-case Crockford base32
// characters after the prefix: 19 random ones (95 bits) and, last, one check character.
//
// The check is a weighted sum in GF(32) (the maths of the code armour, typed-codes/gf32.ts):
//   DOMAIN ⊕ α^1·v_0 ⊕ α^2·v_1 ⊕ … ⊕ α^19·v_18 ⊕ 1·c = 0
// The 20 weights α^1..α^19, α^0 are distinct and non-zero (α has order 31), so every single
// mistyped character and every swap of two characters is detected. DOMAIN keeps a number from
// passing as another kind of code built on the same maths. One check character cannot say
// *where* the typo is; `typoCandidates` lists the numbers one typo away, so the authority can
// name the group when exactly one of them is a registration it knows.
import { z } from 'zod';
import { charsOf, isCodeChar, valueOf } from './typed-codes/alphabet';
import { alphaPow, gfMul, weightedCheck } from './typed-codes/gf32';
import { charsAt, joinWrapped, scanTyped, withoutPrefix } from './typed-codes/pasted-text';
import { err } from './errors';

export const REGISTRATION_PREFIX = 'MIKO';
export const REGISTRATION_GROUPS = 4;
export const REGISTRATION_GROUP_LENGTH = 5;
const CHARS = REGISTRATION_GROUPS * REGISTRATION_GROUP_LENGTH;
export const REGISTRATION_DATA_CHARS = CHARS - 1;
const DOMAIN = 0b10110;
const EXAMPLE = 'MIKO-XXXXX-XXXXX-XXXXX-XXXXX';

/** The check character's value for 19 data values. */
export const registrationCheck = (data: readonly number[]): number =>
  weightedCheck(DOMAIN, data, REGISTRATION_DATA_CHARS);

/** 20 values → `MIKO-XXXXX-XXXXX-XXXXX-XXXXX`. */
export function formatRegistrationNumber(values: readonly number[]): string {
  const chars = charsOf(values);
  const groups = Array.from({ length: REGISTRATION_GROUPS }, (_, g) =>
    chars.slice(g * REGISTRATION_GROUP_LENGTH, (g + 1) * REGISTRATION_GROUP_LENGTH),
  );
  return [REGISTRATION_PREFIX, ...groups].join('-');
}

/** A number from 19 data values (e.g. random), with its check character appended. */
export const registrationNumberFrom = (data: readonly number[]): string =>
  formatRegistrationNumber([...data.slice(0, REGISTRATION_DATA_CHARS), registrationCheck(data)]);

export interface ReadNumber {
  /** Canonical form (upper case, I/L/O read as 1/1/0, dashes). */
  number: string;
  values: number[];
  /** false: well-formed, but the check character does not match (a typo somewhere). */
  checkOk: boolean;
}

/**
 * Reads a typed or pasted number. Throws REGISTRATION_NUMBER_INVALID when it is not shaped like
 * one at all, and REGISTRATION_NUMBER_TYPO naming the group for a bad character or group length.
 * A failing check character is reported in the result (see typoCandidates), not thrown.
 */
export function readRegistrationNumber(text: string): ReadNumber {
  const groups = splitGroups(text);
  const values: number[] = [];
  groups.forEach((group, g) => {
    if (group.length !== REGISTRATION_GROUP_LENGTH) {
      throw typo(
        g + 1,
        `group ${g + 1} ("${group}") has ${group.length} characters instead of ${REGISTRATION_GROUP_LENGTH}`,
      );
    }
    [...group].forEach((ch, i) => {
      const v = valueOf(ch);
      if (v === undefined) throw notUsed({ character: ch, group: g + 1, position: i + 1 });
      values.push(v);
    });
  });
  const checkOk = registrationCheck(values) === values[REGISTRATION_DATA_CHARS];
  return { number: formatRegistrationNumber(values), values, checkOk };
}

/** The number's groups as typed (prefix left out), mending line breaks a mail client put inside one. */
function splitGroups(text: string): string[] {
  const scan = scanTyped(text);
  const fragments = withoutPrefix(scan, REGISTRATION_PREFIX, CHARS, isCodeChar);
  // Groups typed without dashes are cut apart, so a later fault is still placed in one.
  const parts = joinWrapped(fragments, REGISTRATION_GROUP_LENGTH, { uneven: 'joined' }).flatMap((at) => {
    const part = charsAt(scan, at).join('').toUpperCase();
    return part.length % REGISTRATION_GROUP_LENGTH === 0 ? part.match(/.{5}/g)! : [part];
  });
  if (parts.length === REGISTRATION_GROUPS) return parts;
  // A character that is never part of a number (an underscore for a dash, say) explains the shape.
  const foreign = foreignCharacter(fragments.flatMap((f) => charsAt(scan, f.at)));
  if (foreign) throw notUsed(foreign);
  const shown = text.trim().slice(0, 40);
  throw err.REGISTRATION_NUMBER_INVALID({
    shown,
    example: EXAMPLE,
    groups: REGISTRATION_GROUPS,
    groupLength: REGISTRATION_GROUP_LENGTH,
    length: parts.length,
    plural: parts.length === 1 ? '' : 's',
  });
}

export interface ForeignCharacter {
  character: string;
  /** 1-based, counting every typed character after the prefix except separators. */
  group: number;
  position: number;
}

/** The characters typed after the MIKO prefix, without separators and invisible characters. */
export function registrationChars(text: string): string[] {
  const scan = scanTyped(text);
  return withoutPrefix(scan, REGISTRATION_PREFIX, CHARS, isCodeChar).flatMap((f) => charsAt(scan, f.at));
}

/** The first character that is never part of a number, and where it sits. */
export function foreignCharacter(chars: readonly string[]): ForeignCharacter | undefined {
  const at = chars.findIndex((ch) => !isCodeChar(ch));
  if (at < 0) return undefined;
  const group = Math.floor(at / REGISTRATION_GROUP_LENGTH) + 1;
  return { character: chars[at]!, group, position: (at % REGISTRATION_GROUP_LENGTH) + 1 };
}

const notUsed = ({ character, group, position }: ForeignCharacter) =>
  typo(group, `group ${group}, character ${position}: "${character}" is not used in registration numbers`, position);

const typo = (group: number, what: string, position?: number) =>
  err.REGISTRATION_NUMBER_TYPO({ variant: 'what', what, group, ...(position ? { position } : {}) });

export interface TypoCandidate {
  number: string;
  /** 1-based group and character position of the suspected typo. */
  group: number;
  position: number;
}

/** Every valid number one mistyped character or one swap of neighbours away from `values`. */
export function typoCandidates(values: readonly number[]): TypoCandidate[] {
  const syndrome = registrationCheck(values) ^ (values[REGISTRATION_DATA_CHARS] ?? 0);
  const out = new Map<string, TypoCandidate>();
  const add = (fixed: number[], index: number) => {
    if (registrationCheck(fixed) !== fixed[REGISTRATION_DATA_CHARS]) return;
    const number = formatRegistrationNumber(fixed);
    if (!out.has(number))
      out.set(number, {
        number,
        group: Math.floor(index / REGISTRATION_GROUP_LENGTH) + 1,
        position: (index % REGISTRATION_GROUP_LENGTH) + 1,
      });
  };
  for (let i = 0; i < CHARS; i++) {
    // Weight of position i is α^(i+1) for data, α^0 for the check: the fix is syndrome / weight.
    const fixed = [...values];
    fixed[i] = (fixed[i]! ^ gfMul(syndrome, alphaPow(i < REGISTRATION_DATA_CHARS ? -(i + 1) : 0))) & 31;
    add(fixed, i);
  }
  for (let i = 0; i + 1 < CHARS; i++) {
    const swapped = [...values];
    [swapped[i], swapped[i + 1]] = [swapped[i + 1]!, swapped[i]!];
    add(swapped, i);
  }
  return [...out.values()];
}

/** A registration number in canonical form with a matching check character (outputs, forms). */
export const registrationNumberSchema = z
  .string()
  .max(64)
  .transform((text, ctx) => {
    try {
      const read = readRegistrationNumber(text);
      if (read.checkOk) return read.number;
      ctx.addIssue({
        code: 'custom',
        message: 'the check character does not match: a character is mistyped or two are swapped',
      });
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: (e as Error).message });
    }
    return z.NEVER;
  });

/** "MIKO-XXXXX-XXXXX-XXXXX-X7Q3K": only the last 4 characters shown (recovery in server mode). */
export function maskRegistrationNumber(number: string): string {
  const chars = number.replace(/^MIKO-/, '').replace(/-/g, '');
  const hidden = 'X'.repeat(Math.max(0, chars.length - 4)) + chars.slice(-4);
  return formatRegistrationNumberText(hidden);
}

const formatRegistrationNumberText = (chars: string): string =>
  [REGISTRATION_PREFIX, ...(chars.match(/.{1,5}/g) ?? [])].join('-');
