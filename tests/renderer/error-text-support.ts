// A real armour failure for the errorText tests.
import { unarmour } from '../../src/licensing/armour';
import { isLdError, type ErrorValue } from '../../src/shared/errors';

export { err } from '../../src/shared/errors';

export function parseAnyCode(text: string): ErrorValue {
  try {
    unarmour(text, 'any');
  } catch (e) {
    if (isLdError(e)) return e.toValue();
  }
  throw new Error(`${text} was accepted`);
}
