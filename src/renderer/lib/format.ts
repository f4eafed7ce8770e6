// Dates and numbers for people, in the UI language. Formatters are cached: building an
// Intl.DateTimeFormat costs far more than using one, and a list formats many rows.
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(language: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${language}|${withTime}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(
      language,
      withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' },
    );
    cache.set(key, f);
  }
  return f;
}

/** "31 Jan 2026" (en), "31.01.2026" (de)…; '' for a missing or broken date. */
export function formatDate(iso: string | null | undefined, language: string): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? '' : formatter(language, false).format(ms);
}

export function formatDateTime(iso: string | null | undefined, language: string): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? '' : formatter(language, true).format(ms);
}

const numbers = new Map<string, Intl.NumberFormat>();

/** "12,345" (en), "12.345" (de), "12 345" (ru). */
export function formatNumber(n: number, language: string): string {
  let f = numbers.get(language);
  if (!f) {
    f = new Intl.NumberFormat(language);
    numbers.set(language, f);
  }
  return f.format(n);
}

/**
 * Interpolation keys whose numbers name something (a feature number, an entry id, a group of a
 * code) rather than count it: "feature 1024" must not read "feature 1,024".
 */
const IDENTIFIER_KEYS: ReadonlySet<string> = new Set([
  'number',
  'feature',
  'id',
  'group',
  'position',
  'step',
  'version',
]);

/**
 * i18next's formatter for every interpolated value: counts and quantities ({{count}}, {{total}},
 * {{quantity}}, …) in the language's digits and separators, everything else as it is. So no
 * message can show a raw 12345 in German or Russian, whoever writes the next t() call.
 */
export function interpolationFormat(value: unknown, language: string | undefined, key: string | undefined): string {
  // Anything but a count goes back untouched (i18next turns it into text itself).
  if (typeof value !== 'number' || !language || IDENTIFIER_KEYS.has(key ?? '')) return value as string;
  return formatNumber(value, language);
}

/** A long hex fingerprint or serial, shortened for a table cell (the full value is in a title). */
export const shortHex = (hex: string, keep = 12): string => (hex.length > keep + 1 ? `${hex.slice(0, keep)}…` : hex);
