// The LdError a synchronous call throws; any other outcome fails the test.
import { LdError } from '../../src/shared/errors';

export function errorOf(run: () => unknown): LdError {
  try {
    run();
  } catch (e) {
    if (e instanceof LdError) return e;
    throw e;
  }
  throw new Error('expected an LdError, but the call succeeded');
}
