// The wizards' pure decisions: what the code field says, registration numbers as typed, coupon
// tidying, the feature-number confirmation, and the answer file.
import { describe, expect, it } from 'vitest';
import { answerFileName, answerFileText } from '../../src/renderer/lib/wizards/answer-file';
import { checkCodeFile, MAX_CODE_FILE } from '../../src/renderer/lib/wizards/code-file';
import { codeVerdict, hostLabel, type Inspection } from '../../src/renderer/lib/wizards/code-verdict';
import { confirmsFeature } from '../../src/renderer/lib/wizards/confirm';
import { tidyCoupon } from '../../src/renderer/lib/wizards/coupon';
import { checkRegistration } from '../../src/renderer/lib/wizards/registration';
import { registrationNumberFrom } from '../../src/shared/registration-number';
import { featureName, isAskozia, modelName, noTryoutKind } from '../../src/renderer/lib/wizards/catalogue';
import catalogueJson from '../../assets/catalogue.json';

const init = (serial: string, model = 'comtrexx-vm'): Inspection => ({
  kind: 'init',
  ok: true,
  fields: {
    serial,
    model,
    keyType: 'ec-p256',
    keyBits: 256,
    hostFingerprint: 'ab'.repeat(16),
    generation: 2,
    firmware: '8.4.1',
    hostName: null,
  },
});

describe('codeVerdict', () => {
  it('waits for the inspection of exactly this text', () => {
    expect(codeVerdict('  ', undefined, undefined, {})).toEqual({ state: 'empty' });
    expect(codeVerdict('REQ1-…', undefined, undefined, {}).state).toBe('checking');
    expect(codeVerdict('REQ1-AB', init('S1'), 'REQ1-A', { serial: 'S1' }).state).toBe('checking');
    expect(codeVerdict('x'.repeat(16 * 1024 + 1), undefined, undefined, {}).state).toBe('tooLarge');
  });

  it("accepts the device's own init code and reads its fields", () => {
    const v = codeVerdict('c', init('S1'), 'c', { serial: 'S1', model: 'comtrexx-vm' });
    expect(v).toMatchObject({
      state: 'ok',
      fields: { serial: 'S1', model: 'comtrexx-vm', generation: 2, keyType: 'ec-p256', firmware: '8.4.1' },
    });
  });

  it("refuses another device's code, another model, and an answer code", () => {
    expect(codeVerdict('c', init('S2'), 'c', { serial: 'S1' })).toMatchObject({
      state: 'otherDevice',
      expected: 'S1',
      fields: { serial: 'S2' },
    });
    expect(codeVerdict('c', init('S1', 'askozia-pbx'), 'c', { serial: 'S1', model: 'comtrexx-vm' }).state).toBe(
      'otherModel',
    );
    expect(codeVerdict('c', { kind: 'answer', ok: true, fields: { serial: 'S1' } }, 'c', { serial: 'S1' }).state).toBe(
      'answerPasted',
    );
  });

  it('passes the error message and its groups through', () => {
    const typo: Inspection = {
      kind: 'init',
      ok: false,
      error: {
        code: 'CODE_GROUP_TYPO',
        message: 'Group 7 (K3J9ZQ2M) has a typo',
        params: { groups: [7], texts: ['K3J9ZQ2M'] },
      },
      fields: {},
    };
    expect(codeVerdict('c', typo, 'c', {})).toEqual({
      state: 'invalid',
      message: 'Group 7 (K3J9ZQ2M) has a typo',
      error: typo.error,
      groups: [7],
    });
  });

  it('labels hosts by name and fingerprint start', () => {
    expect(hostLabel({ hostName: 'pc-1', hostFingerprint: '0123456789abcdef0123' })).toBe('pc-1 (0123456789abcdef…)');
    expect(hostLabel({ hostName: null, hostFingerprint: 'abcd' })).toBe('abcd');
  });
});

describe('checkRegistration', () => {
  const number = registrationNumberFrom(Array.from({ length: 19 }, (_, i) => (i * 7) % 32));
  it('accepts a valid number however it is typed', () => {
    expect(checkRegistration(number)).toEqual({ state: 'ok', number });
    expect(checkRegistration(number.toLowerCase().replace(/-/g, ' '))).toEqual({ state: 'ok', number });
    expect(checkRegistration(number.replace(/-/g, ''))).toEqual({ state: 'ok', number });
  });
  it('is patient with half-typed numbers', () => {
    expect(checkRegistration('')).toEqual({ state: 'empty' });
    expect(checkRegistration('MIKO-')).toEqual({ state: 'incomplete' });
    expect(checkRegistration(number.slice(0, 15))).toEqual({ state: 'incomplete' });
  });
  it('names the group of a bad character at once', () => {
    const bad = `${number.slice(0, 12)}U${number.slice(13)}`; // group 2
    expect(checkRegistration(bad)).toMatchObject({ state: 'typo', group: 2 });
    expect(checkRegistration('MIKO-AB!')).toMatchObject({ state: 'typo', group: 1, position: 3 });
  });
  it('says when the check character fails', () => {
    const last = number.at(-1) === '0' ? '1' : '0';
    expect(checkRegistration(`${number.slice(0, -1)}${last}`).state).toBe('checkFailed');
    expect(checkRegistration(`${number}-ABCDE`).state).toBe('invalid');
  });
});

describe('tidyCoupon', () => {
  it('forgives case, spaces and the prefix', () => {
    const want = 'LDC-ABCDE-FGHJK-MNPQR-STVWX';
    expect(tidyCoupon(' ldc abcde fghjk mnpqr stvwx ')).toEqual({ display: want, complete: true });
    expect(tidyCoupon('abcdefghjkmnpqrstvwx')).toEqual({ display: want, complete: true });
    expect(tidyCoupon('ABCDE-FGH').complete).toBe(false);
  });
});

describe('confirmsFeature', () => {
  it('unlocks only for the exact feature number', () => {
    expect(confirmsFeature('33', 33)).toBe(true);
    expect(confirmsFeature(' 33 ', 33)).toBe(true);
    expect(confirmsFeature('34', 33)).toBe(false);
    expect(confirmsFeature('3', 33)).toBe(false);
    expect(confirmsFeature('33a', 33)).toBe(false);
    expect(confirmsFeature('', 33)).toBe(false);
    expect(confirmsFeature('033', 33)).toBe(true);
  });
});

describe('answer file and code file', () => {
  it('names the file after the serial, safely', () => {
    expect(answerFileName('CTX-0042')).toBe('CTX-0042-answer.txt');
    expect(answerFileName('../x y')).toBe('__x_y-answer.txt');
    expect(answerFileText('ANS1-AAAA\r\nBBBB\n\n')).toBe('ANS1-AAAA\nBBBB\n');
  });
  it('refuses empty and oversized files', () => {
    expect(checkCodeFile({ size: 0 })).toEqual({ reason: 'empty' });
    expect(checkCodeFile({ size: MAX_CODE_FILE + 1 })).toEqual({ reason: 'tooLarge', size: MAX_CODE_FILE + 1 });
    expect(checkCodeFile({ size: 900 })).toBeNull();
  });
});

describe('catalogue helpers', () => {
  // app:info's catalogue summary, built from the shipped catalogue.
  const cat = {
    features: catalogueJson.features,
    models: catalogueJson.models.map(({ id, name, vendor, features }) => ({ id, name, vendor, features })),
  };

  it('names features in the UI language, falling back to English', () => {
    expect(featureName(cat, 11, 'de')).toBe('Benutzerlizenz (Floating)');
    expect(featureName(cat, 11, 'ru')).toBe('Пользовательская лицензия');
    expect(featureName(cat, 33, 'de')).toBe('Askozia PBX');
    expect(featureName(cat, 99, 'en')).toBe('#99');
    expect(modelName(cat, 'comtrexx-vm')).toBe('COMtrexx VM');
  });

  it('knows which models have a tryout, a trial, or neither', () => {
    expect(noTryoutKind(cat, 'comtrexx-vm')).toBeNull();
    expect(noTryoutKind(cat, 'comtrexx-business')).toBe('business');
    expect(noTryoutKind(cat, 'comtrexx-advanced')).toBe('business');
    expect(noTryoutKind(cat, 'askozia-cfe')).toBe('askozia');
    expect(isAskozia(cat, 'askozia-pbx')).toBe(true);
    expect(isAskozia(cat, 'comtrexx-vm')).toBe(false);
  });
});
