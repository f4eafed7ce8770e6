// errorText renders an error from its code and params with i18next: the English resources are the
// registry's templates (so the text equals the authority's own message), a language without a
// translation falls back to English, a translation is used once it exists, and a code the
// registry does not know keeps the message it came with.
import { afterEach, describe, expect, it } from 'vitest';
import { err, parseAnyCode } from './error-text-support';
import { i18n } from '../../src/renderer/i18n';
import { errorText } from '../../src/renderer/lib/error-text';

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('errorText', () => {
  it('renders English from code + params exactly as the authority words it', () => {
    const e = parseAnyCode('REQ1-0000');
    expect(errorText(i18n.t, e)).toBe(e.message);
    const typo = err.CODE_GROUP_TYPO({
      variant: 'typos',
      groupsText: 'Groups 3 (A) and 7 (B)',
      groups: [3, 7],
      texts: ['A', 'B'],
    });
    expect(errorText(i18n.t, typo.toValue())).toBe(
      'Groups 3 (A) and 7 (B) have typos: compare them with the original.',
    );
    const model = err.UNKNOWN_MODEL({ shown: '"x"', valid: ['a', 'b'], model: 'x' });
    expect(errorText(i18n.t, model)).toBe('Unknown model "x"; expected one of: a, b');
  });

  it('falls back to English, and uses a translation once there is one', async () => {
    const e = err.DEVICE_EXISTS({ serial: 'A4', spelt: '' }).toValue();
    await i18n.changeLanguage('de');
    expect(errorText(i18n.t, e)).toBe('A device with serial A4 is already registered.');
    i18n.addResource(
      'de',
      'translation',
      'errors.DEVICE_EXISTS',
      'Ein Gerät mit der Seriennummer {{serial}} ist bereits registriert{{spelt}}.',
    );
    expect(errorText(i18n.t, e)).toBe('Ein Gerät mit der Seriennummer A4 ist bereits registriert.');
    // Only this test's key goes again: the rest of the German resources stay as bundled.
    delete (i18n.store.data.de!.translation as { errors: Record<string, string> }).errors.DEVICE_EXISTS;
  });

  it('keeps the message of a code the registry does not know, or of an error without params', () => {
    expect(errorText(i18n.t, { code: 'FROM_A_NEWER_SERVER', message: 'Something new.', params: {} })).toBe(
      'Something new.',
    );
    // Browser mode's own refusal reuses a registry code with its own words, and no params.
    expect(errorText(i18n.t, { code: 'TOKEN_MISSING', message: 'Open the address.' })).toBe('Open the address.');
  });
});
