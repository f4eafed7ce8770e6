// Whether this process can reach a real Secret Service (the test scripts run inside
// scripts/with-keyring.sh, which starts one). Tests of the keychain itself need it: in CI
// (CI=true) its absence is a failure, never a silent skip; locally they skip and say why.
import { randomUUID } from 'node:crypto';
import { osKeychain } from '../../src/main/services/keychain';

/** A keychain service name of its own per test run, so runs never meet each other's entries. */
export const testKeychainService = (): string => `Licence Desk test ${randomUUID()}`;

export async function keychainProblem(): Promise<string | undefined> {
  const probe = osKeychain(testKeychainService());
  try {
    await probe.set('probe', 'probe');
    await probe.delete('probe');
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** Undefined when the keychain works; otherwise the reason to skip (and, in CI, an error). */
export async function skipWithoutKeychain(): Promise<string | undefined> {
  const problem = await keychainProblem();
  if (!problem) return undefined;
  if (process.env.CI) throw new Error(`CI needs a real Secret Service (run under scripts/with-keyring.sh): ${problem}`);
  console.warn(`Skipping keychain tests: no Secret Service here (run under scripts/with-keyring.sh). ${problem}`);
  return problem;
}
