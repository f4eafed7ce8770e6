// Runs one keychain operation in a process of its own, so a test can give it another D-Bus session
// (none, or one whose keyring is locked): `node --import tsx keychain-child.ts SERVICE get|set|delete ACCOUNT [SECRET]`.
// Prints the result as JSON, or the error's code and message.
import { osKeychain } from '../../src/main/services/keychain';
import { toErrorValue } from '../../src/shared/errors';

const [service, op, account, secret] = process.argv.slice(2) as [string, string, string, string | undefined];
const keychain = osKeychain(service);
try {
  const result =
    op === 'set'
      ? await keychain.set(account, secret ?? '')
      : op === 'get'
        ? await keychain.get(account)
        : await keychain.delete(account);
  process.stdout.write(JSON.stringify({ ok: true, value: result ?? null }));
} catch (e) {
  process.stdout.write(JSON.stringify({ ok: false, error: toErrorValue(e) }));
}
