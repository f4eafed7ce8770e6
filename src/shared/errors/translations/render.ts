// An error in German or Russian outside the renderer (the CLI): the same catalogues and the same
// i18next interpolation as the UI ({{n, number}} follows the language through Intl), on an
// instance of its own so nothing here depends on the renderer's. English stays the registry's.
import i18next from 'i18next';
import type { Params } from '../define';
import { englishMessages, formatParam, renderErrorMessage, templateOf } from '../registry';
import type { ErrorCatalogue } from './catalogue';
import { de } from './de';
import { ru } from './ru';

export type ErrorLanguage = 'en' | 'de' | 'ru';

export const ERROR_CATALOGUES: Record<Exclude<ErrorLanguage, 'en'>, ErrorCatalogue> = { de, ru };

const messages = i18next.createInstance();
void messages.init({
  resources: {
    en: { errors: englishMessages() },
    de: { errors: de },
    ru: { errors: ru },
  },
  ns: ['errors'],
  defaultNS: 'errors',
  lng: 'en',
  fallbackLng: 'en',
  // Keys are CODE or CODE_variant: no nesting, no namespaces inside them.
  keySeparator: false,
  nsSeparator: false,
  // Plain text for a terminal or a test, never HTML.
  interpolation: { escapeValue: false },
  initAsync: false,
});

/** Lists and nulls as the registry's English shows them ("a, b"; nothing); numbers stay numbers for Intl. */
const flat = (params: Params): Record<string, string | number | boolean> =>
  Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, typeof v === 'number' || typeof v === 'boolean' ? v : formatParam(v)]),
  );

/** The message of a code in a language; English (the registry's own rendering) for an unknown code or key. */
export function renderErrorIn(lang: ErrorLanguage, code: string, params: Params = {}): string {
  const found = templateOf(code, params);
  if (!found || lang === 'en') return renderErrorMessage(code, params);
  return messages.t(found.key, { ...flat(params), lng: lang });
}

/**
 * The language a POSIX locale asks for (LC_ALL, then LC_MESSAGES, then LANG: the first one set
 * wins, as for gettext): "de_DE.UTF-8" is German, "ru_RU.UTF-8" Russian, anything else English.
 */
export function languageOfLocale(env: Record<string, string | undefined>): ErrorLanguage {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '') ?? '';
  const lang = locale.slice(0, 2).toLowerCase();
  return lang === 'de' || lang === 'ru' ? lang : 'en';
}
