// Live check of a registration number as it is typed (MIKO-XXXXX-XXXXX-XXXXX-XXXXX), with the
// same reader the authority uses, so the wizard and the authority never disagree about a number.
// Half-typed input is "incomplete", not an error: only a wrong character or a failing check
// character is a typo worth interrupting for.
import { readRegistrationNumber } from '../../../shared/registration-number';

export type RegistrationCheck =
  | { state: 'empty' }
  | { state: 'incomplete' }
  | { state: 'ok'; number: string }
  /** A character that never appears in numbers, or a group of the wrong length (group is 1-based). */
  | { state: 'typo'; group: number; position?: number }
  /** All 20 characters are there, but the check character does not match. */
  | { state: 'checkFailed'; number: string }
  | { state: 'invalid' };

const DATA = /[0-9A-Z]/g;
const ALLOWED = /^[0-9A-HJKMNP-TV-Z]$/; // Crockford base32 (I, L, O are read as 1, 1, 0)
const FULL = 20;

/** The characters after the MIKO prefix, upper-cased, without separators. */
function dataChars(text: string): string {
  const upper = text
    .trim()
    .toUpperCase()
    .replace(/^MIKO(?=[\s\-\u2010-\u2015\u2212]|$)/, '')
    .replace(/^MIKO(?=.{20}$)/, '');
  return upper.replace(/[\s\-\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]+/g, '');
}

export function checkRegistration(text: string): RegistrationCheck {
  if (text.trim() === '') return { state: 'empty' };
  const chars = dataChars(text);
  const bad = [...chars].findIndex((ch) => !ALLOWED.test(ch) && !'ILO'.includes(ch));
  if (bad >= 0) return { state: 'typo', group: Math.floor(bad / 5) + 1, position: (bad % 5) + 1 };
  if ((chars.match(DATA) ?? []).length < FULL) return { state: 'incomplete' };
  try {
    const read = readRegistrationNumber(text);
    return read.checkOk ? { state: 'ok', number: read.number } : { state: 'checkFailed', number: read.number };
  } catch (e) {
    const details = (e as { details?: { group?: number; position?: number } }).details;
    if (details?.group)
      return { state: 'typo', group: details.group, ...(details.position ? { position: details.position } : {}) };
    return { state: 'invalid' };
  }
}
