// Live check of a registration number as it is typed (MIKO-XXXXX-XXXXX-XXXXX-XXXXX), with the
// same reader the authority uses, so the wizard and the authority never disagree about a number.
// Half-typed input is "incomplete", not an error: only a wrong character or a failing check
// character is a typo worth interrupting for.
import {
  REGISTRATION_GROUP_LENGTH,
  REGISTRATION_GROUPS,
  foreignCharacter,
  readRegistrationNumber,
  registrationChars,
} from '../../../shared/registration-number';

export type RegistrationCheck =
  | { state: 'empty' }
  | { state: 'incomplete' }
  | { state: 'ok'; number: string }
  /** A character that never appears in numbers, or a group of the wrong length (group is 1-based). */
  | { state: 'typo'; group: number; position?: number }
  /** All 20 characters are there, but the check character does not match. */
  | { state: 'checkFailed'; number: string }
  | { state: 'invalid' };

const FULL = REGISTRATION_GROUPS * REGISTRATION_GROUP_LENGTH;

export function checkRegistration(text: string): RegistrationCheck {
  if (text.trim() === '') return { state: 'empty' };
  const chars = registrationChars(text);
  const foreign = foreignCharacter(chars);
  if (foreign) return { state: 'typo', group: foreign.group, position: foreign.position };
  if (chars.length < FULL) return { state: 'incomplete' };
  try {
    const read = readRegistrationNumber(text);
    return read.checkOk ? { state: 'ok', number: read.number } : { state: 'checkFailed', number: read.number };
  } catch (e) {
    const details = (e as { params?: { group?: number; position?: number } }).params;
    if (details?.group)
      return { state: 'typo', group: details.group, ...(details.position ? { position: details.position } : {}) };
    return { state: 'invalid' };
  }
}
