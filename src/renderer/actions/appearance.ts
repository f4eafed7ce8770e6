// Language and theme applied to the page (i18next, <html lang>, data-theme for the CSS). No-ops
// in Node tests, where there is no document.
import type { Settings } from '../../shared/ipc/contract';
import { i18n } from '../i18n';

export type Language = Settings['language'];
export type Theme = Settings['theme'];

/** The OS language (navigator.languages, first supported wins), else English. */
export function detectLanguage(languages: readonly string[]): Language {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'de' || base === 'ru' || base === 'en') return base;
  }
  return 'en';
}

export function browserLanguages(): string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? [...navigator.languages] : [navigator.language];
}

export function applyLanguage(language: Language): void {
  void i18n.changeLanguage(language);
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

export function applyTheme(theme: Theme): void {
  // 'system' leaves the choice to prefers-color-scheme (styles.css).
  if (typeof document !== 'undefined') document.documentElement.dataset.theme = theme;
}
