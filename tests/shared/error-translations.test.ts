// Every error in every language: each message key of the registry (CODE, or CODE_variant) has a
// German and a Russian text; a text uses only the params its code declares and keeps every param
// the English uses, except the few English sentence fragments listed below (a German sentence
// cannot contain "has a typo"/"have typos" as a param); and no text is the English left as it is.
// The lists are checked for stale entries too, so an entry goes when the registry no longer needs it.
import { describe, expect, it } from 'vitest';
import {
  ERROR_DEFS,
  englishMessages,
  type ErrorCode,
  type ErrorParams,
  type MessageKey,
} from '../../src/shared/errors';
import { de } from '../../src/shared/errors/translations/de';
import { renderErrorIn } from '../../src/shared/errors/translations/render';
import { ru } from '../../src/shared/errors/translations/ru';

/** The params a message key declares: its code's, or its variant's (type level only). */
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type Defs = typeof ERROR_DEFS;
type KeyParams = UnionToIntersection<
  {
    [C in ErrorCode]: Defs[C] extends { variants: infer V }
      ? { [K in keyof V & string as `${C}_${K}`]: Exclude<keyof Extract<ErrorParams<C>, { variant: K }>, 'variant'> }
      : { [P in C]: keyof ErrorParams<C> };
  }[ErrorCode]
>;
type ParamsOfKey = { [K in MessageKey]?: readonly (K extends keyof KeyParams ? KeyParams[K] & string : never)[] };

/**
 * Params the English template uses that are English words (articles, plural endings, whole
 * clauses): a translation may leave them out, saying the same with the other params or without.
 */
const ENGLISH_FRAGMENTS = {
  CODE_GROUP_LENGTH: ['glued', 'cut'],
  CODE_GROUP_TYPO_extra: ['groupText'],
  CODE_GROUP_TYPO_typo: ['groupsText'],
  CODE_GROUP_TYPO_typos: ['groupsText'],
  CODE_NOT_RECOGNISED: ['hint'],
  CODE_TOO_LONG_extraGroups: ['plural'],
  CODE_UNSUPPORTED_VERSION: ['kindName'],
  CODE_WRONG_KIND_kinds: ['kindName', 'expectedName'],
  ANSWER_BINDING_MISMATCH: ['fieldsText', 'verbEnding'],
  BINDING_ALREADY_RESET: ['byWhom'],
  COUPON_ALREADY_REDEEMED: ['by'],
  DEVICE_EXISTS: ['spelt'],
  DEVICE_NOT_HOST_BOUND: ['modelWithArticle'],
  DEVICE_OTHER_REGISTRATION: ['owner'],
  REGISTRATION_NUMBER_INVALID: ['plural'],
  TRANSFER_DECIDED_already: ['outcome'],
  TRIAL_ALREADY_USED_HOST: ['productWithArticle', 'span', 'under'],
  TRIAL_ALREADY_USED_REGISTRATION: ['span', 'onDevice'],
  TRIAL_NOT_AVAILABLE_model: ['why'],
  TRYOUT_ALREADY_USED: ['how'],
  TRYOUT_NOT_ACTIVE: ['stateText'],
  TRYOUT_NOT_AVAILABLE_reason: ['reason'],
  CSV_HEADER_MISSING: ['missingText', 'verb'],
  // status: the server's own word ("revoked"), which the translation says in its language.
  PBX_CERTIFICATE_REVOKED: ['status'],
  PBX_CERTIFICATE_SUPERSEDED: ['status'],
  PBX_CERTIFICATE_EXPIRED: ['status'],
  SERIAL_INVALID_csvRow: ['problem'],
  // where: "serial number" (or a certificate's "…'s serialNumber"); the translation says Seriennummer.
  SERIAL_INVALID_name: ['where'],
  SUBJECT_UNSAFE_TEXT_where: ['where'],
  // "a code", "more than 500 values": what the caller expected, in English.
  FILE_UNREADABLE: ['what'],
  INPUT_TOO_LARGE_source: ['what'],
  INPUT_TOO_LARGE_input: ['what'],
  INPUT_TOO_LARGE_what: ['what'],
} as const satisfies ParamsOfKey;

/** Declared params a translation uses although the English does not (the number of a group, say). */
const EXTRA_PARAMS = {
  CODE_GROUP_TYPO_extra: ['extra'],
  CODE_GROUP_TYPO_typo: ['groups', 'texts'],
  CODE_GROUP_TYPO_typos: ['groups', 'texts'],
  ANSWER_BINDING_MISMATCH: ['fields'],
  CSV_HEADER_MISSING: ['missing'],
  DEVICE_NOT_HOST_BOUND: ['model'],
  TRYOUT_NOT_AVAILABLE_reason: ['model'],
} as const satisfies ParamsOfKey;

/** Texts that are the same in every language: nothing but params and punctuation. */
const SAME_AS_ENGLISH: readonly MessageKey[] = ['VERIFY_REQUEST_INVALID'];

const EN = englishMessages() as Record<string, string>;
const KEYS = Object.keys(EN) as MessageKey[];
const LANGUAGES = [
  ['de', de],
  ['ru', ru],
] as const;

/** The param names of a text: {{name}} and {{name, format}}. */
const placeholders = (text: string): string[] =>
  [...new Set([...text.matchAll(/\{\{\s*(\w+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]!))].sort();

const listed = (list: Record<string, readonly string[]>, key: string): readonly string[] => list[key] ?? [];

describe('error translations', () => {
  it('the registry has messages to translate', () => {
    expect(KEYS.length).toBeGreaterThan(250);
  });

  it.each(LANGUAGES)('%s has every message key, none empty, none unknown', (_, catalogue) => {
    const texts = catalogue as Record<string, string>;
    const missing = KEYS.filter((k) => !texts[k]?.trim());
    expect(missing, 'message keys without a translation').toEqual([]);
    const unknown = Object.keys(texts).filter((k) => !(k in EN) && !/_(zero|one|two|few|many|other)$/.test(k));
    expect(unknown, 'keys the registry does not have').toEqual([]);
  });

  it.each(LANGUAGES)('%s uses only declared params and keeps every English one', (_, catalogue) => {
    const texts = catalogue as Record<string, string>;
    const problems: string[] = [];
    for (const key of KEYS) {
      const english = placeholders(EN[key]!);
      const own = placeholders(texts[key] ?? '');
      const allowedExtra = listed(EXTRA_PARAMS, key);
      const mayDrop = listed(ENGLISH_FRAGMENTS, key);
      for (const p of own)
        if (!english.includes(p) && !allowedExtra.includes(p)) problems.push(`${key}: uses {{${p}}}`);
      for (const p of english) if (!own.includes(p) && !mayDrop.includes(p)) problems.push(`${key}: drops {{${p}}}`);
    }
    expect(problems).toEqual([]);
  });

  it('the lists of fragments and extras have no stale entries', () => {
    const stale: string[] = [];
    for (const [key, params] of Object.entries(ENGLISH_FRAGMENTS)) {
      for (const p of params) {
        if (!placeholders(EN[key] ?? '').includes(p)) stale.push(`${key}: the English has no {{${p}}}`);
        const kept = LANGUAGES.every(([, c]) => placeholders((c as Record<string, string>)[key] ?? '').includes(p));
        if (kept) stale.push(`${key}: every language keeps {{${p}}}`);
      }
    }
    for (const [key, params] of Object.entries(EXTRA_PARAMS)) {
      const used = params.some((p) =>
        LANGUAGES.some(([, c]) => placeholders((c as Record<string, string>)[key] ?? '').includes(p)),
      );
      if (!used) stale.push(`${key}: no language uses the extra params`);
    }
    expect(stale).toEqual([]);
  });

  it.each(LANGUAGES)('%s translates every message instead of repeating the English', (_, catalogue) => {
    const texts = catalogue as Record<string, string>;
    const untranslated = KEYS.filter((k) => texts[k] === EN[k] && !SAME_AS_ENGLISH.includes(k));
    expect(untranslated).toEqual([]);
    const needlessly = SAME_AS_ENGLISH.filter((k) => texts[k] !== EN[k]);
    expect(needlessly, 'listed as the same as English but translated').toEqual([]);
  });

  it('Russian texts are written in Cyrillic, German ones without English sentences', () => {
    const words = (text: string) => text.replace(/\{\{[^}]*\}\}/g, ' ').replace(/[„“"«»`][^„“"«»`]*[„“"«»`]/g, ' ');
    const latinOnly = KEYS.filter((k) => !SAME_AS_ENGLISH.includes(k) && !/[а-яё]/i.test(ru[k]));
    expect(latinOnly, 'Russian texts without a Russian word').toEqual([]);
    const english = /\b(the|is|are|was|has|have|not|this|cannot|with|only|first|again)\b/;
    const englishInGerman = KEYS.filter((k) => english.test(words(de[k])));
    expect(englishInGerman, 'German texts with English words').toEqual([]);
  });

  it('uses the vendors\' words: TK-Anlage and АТС, never "PBX"', () => {
    const pbx = /\bPBX\b/;
    expect(KEYS.filter((k) => pbx.test(de[k]))).toEqual([]);
    expect(KEYS.filter((k) => pbx.test(ru[k]))).toEqual([]);
    expect(de.NO_LICENCES).toContain('aktiven Lizenzen');
    expect(ru.REQUEST_OTHER_DEVICE).toContain('код инициализации');
    expect(de.REQUEST_OTHER_DEVICE).toContain('Initialisierungscode');
    expect(de.COUPON_TYPO).toContain('Gutschein');
    expect(ru.COUPON_TYPO).toContain('купон');
  });

  it("renders params through i18next, numbers in the language's own way", () => {
    const tooLarge = { variant: 'bytes', bytes: 70_000, limitKiB: 64, limit: 65_536 } as const;
    expect(renderErrorIn('de', 'CODE_TOO_LARGE', tooLarge)).toBe(
      '70.000 Byte sind zu viel für einen Licence-Desk-Code: Sein Text wäre größer als 64 KiB.',
    );
    expect(renderErrorIn('ru', 'CODE_TOO_LARGE', tooLarge)).toContain('(70\u00a0000)');
    expect(renderErrorIn('en', 'CODE_TOO_LARGE', tooLarge)).toContain('70000 bytes');
    const retired = { variant: 'plain', serial: 'VM-0001', retiredAt: '2026-11-30' } as const;
    expect(renderErrorIn('de', 'DEVICE_RETIRED', retired)).toBe(
      'Das Gerät VM-0001 wurde am 2026-11-30 außer Betrieb genommen.',
    );
    expect(renderErrorIn('ru', 'COUPON_BUNDLE_NO_MODEL', { features: '33, 34' })).toContain('33, 34');
  });

  it.each(LANGUAGES)('%s renders every message with all its params filled', (lang) => {
    const leftovers = KEYS.filter((key) => {
      const [code, variant] = splitKey(key);
      const params = Object.fromEntries(
        placeholders(`${EN[key]} ${(lang === 'de' ? de : ru)[key]}`).map((p) => [p, 7]),
      );
      return /\{\{|\}\}/.test(renderErrorIn(lang, code, variant ? { ...params, variant } : params));
    });
    expect(leftovers).toEqual([]);
  });
});

/** CODE_variant back into its code and variant (codes themselves contain underscores). */
function splitKey(key: string): [string, string | undefined] {
  if (key in ERROR_DEFS) return [key, undefined];
  const code = Object.keys(ERROR_DEFS).find((c) => key.startsWith(`${c}_`) && key.length > c.length + 1);
  if (!code) throw new Error(`${key} is no message key of the registry`);
  return [code, key.slice(code.length + 1)];
}
