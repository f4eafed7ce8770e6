// The CLI follows the locale for its error messages: the real `licence-desk` process, given text
// that is not a code, says so in German under LANG=de_DE.UTF-8, in Russian under ru_RU.UTF-8 and
// in English otherwise, always with the same code at the end of the one line. errorLine itself
// is checked for the locale variables' order and for a code this build does not know.
import { describe, expect, it } from 'vitest';
import { errorLine } from '../../src/cli/error-line';
import { cleanEnv, runProcess } from '../support/cli';

const notACode = (env: NodeJS.ProcessEnv) =>
  runProcess(['code', 'decode', '-'], { env: cleanEnv(env), input: 'Hello, here is the code you wanted\n' });

describe('CLI error language', () => {
  it('prints the German message under LANG=de_DE.UTF-8, the Russian one under ru_RU, English otherwise', async () => {
    const [german, russian, english, posix] = await Promise.all([
      notACode({ LANG: 'de_DE.UTF-8' }),
      notACode({ LANG: 'ru_RU.UTF-8' }),
      notACode({ LANG: 'en_GB.UTF-8' }),
      notACode({}),
    ]);
    expect(german.stderr).toMatch(
      /^licence-desk: Das ist kein Licence-Desk-Code: Ein Code beginnt mit REQ1 oder ANS1, dieser Text aber mit „[^“]+“\. \[CODE_NOT_RECOGNISED\]\n$/,
    );
    expect(russian.stderr).toMatch(
      /^licence-desk: Это не код Licence Desk: код начинается с REQ1 или ANS1, а этот текст — с «[^»]+»\. \[CODE_NOT_RECOGNISED\]\n$/,
    );
    for (const r of [english, posix]) {
      expect(r.stderr).toMatch(/^licence-desk: This is not a Licence Desk code: .* \[CODE_NOT_RECOGNISED\]\n$/);
    }
    expect([german.status, russian.status, english.status, posix.status]).toEqual([2, 2, 2, 2]);
  });

  it('takes LC_ALL over LC_MESSAGES over LANG, and keeps the message of an unknown code', () => {
    const value = {
      code: 'DEVICE_NOT_FOUND',
      kind: 'not_found',
      message: 'No device with serial X.',
      params: { variant: 'plain', serial: 'X' },
    } as const;
    expect(errorLine(value, { LANG: 'de_DE.UTF-8' })).toBe(
      'licence-desk: Es ist kein Gerät mit der Seriennummer X angelegt. [DEVICE_NOT_FOUND]',
    );
    expect(errorLine(value, { LANG: 'de_DE.UTF-8', LC_MESSAGES: 'ru_RU.UTF-8' })).toBe(
      'licence-desk: Устройство с серийным номером X не зарегистрировано. [DEVICE_NOT_FOUND]',
    );
    expect(errorLine(value, { LANG: 'de_DE.UTF-8', LC_ALL: 'C' })).toBe(
      'licence-desk: No device with serial X. [DEVICE_NOT_FOUND]',
    );
    const newer = { code: 'SOMETHING_NEW', kind: 'rule', message: 'A newer server refused this.' } as const;
    expect(errorLine(newer, { LANG: 'de_DE.UTF-8' })).toBe(
      'licence-desk: A newer server refused this. [SOMETHING_NEW]',
    );
  });
});
