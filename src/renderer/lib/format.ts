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

export function formatNumber(n: number, language: string): string {
  return new Intl.NumberFormat(language).format(n);
}

/** A long hex fingerprint or serial, shortened for a table cell (the full value is in a title). */
export const shortHex = (hex: string, keep = 12): string => (hex.length > keep + 1 ? `${hex.slice(0, keep)}…` : hex);
