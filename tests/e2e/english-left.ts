// Finds English left on a German or Russian screen: the visible text (and the placeholders, labels
// and titles people and screen readers get) of the page, checked two ways. (1) Against the English
// catalogue: any sentence fragment of an English message whose German/Russian message differs and
// does not contain it. (2) For English that never was in a catalogue (the authority's words): a
// run of English function words. Text marked lang="en" (the vendor's English-only EULA, which says
// so) is left out, as are serials, codes and product names (they contain no such fragments).
import type { Page } from '@playwright/test';
import en from '../../src/renderer/i18n/en';
import de from '../../src/renderer/i18n/de';
import ru from '../../src/renderer/i18n/ru';
import wizardsEn from '../../src/renderer/i18n/wizards.en';
import wizardsDe from '../../src/renderer/i18n/wizards.de';
import wizardsRu from '../../src/renderer/i18n/wizards.ru';

type Tree = { [k: string]: string | Tree };
const flatten = (t: Tree, prefix = ''): Record<string, string> =>
  Object.fromEntries(
    Object.entries(t).flatMap(([k, v]) =>
      typeof v === 'string' ? [[`${prefix}${k}`, v]] : Object.entries(flatten(v, `${prefix}${k}.`)),
    ),
  );
const catalogue = (shell: unknown, wizards: unknown) => ({
  ...flatten(shell as Tree),
  ...flatten(wizards as Tree, 'wizard.'),
});
export const CATALOGUES = {
  en: catalogue(en, wizardsEn),
  de: catalogue(de, wizardsDe),
  ru: catalogue(ru, wizardsRu),
};
export type Language = keyof typeof CATALOGUES;

/** The message `key` in `language` (for finding buttons by their German or Russian names). */
export const say = (language: Language, key: string): string => {
  const text = CATALOGUES[language][key];
  if (text === undefined) throw new Error(`no message ${key}`);
  return text;
};

/** English fragments (between placeholders, two words or more) that the translation lacks. */
function englishFragments(language: Exclude<Language, 'en'>): { key: string; text: string; re: RegExp }[] {
  const out: { key: string; text: string; re: RegExp }[] = [];
  for (const [key, english] of Object.entries(CATALOGUES.en)) {
    const local = CATALOGUES[language][key] ?? '';
    if (local === english) continue;
    for (const part of english.split(/\{\{[^}]+\}\}/)) {
      const text = part.trim().replace(/^[\s.,:;·(–-]+|[\s.,:;·)–…-]+$/g, '');
      if (!/[A-Za-z]{2,}[\s-]+[A-Za-z]{2,}/.test(text) || local.includes(text)) continue;
      // Whole words only: "CSV import" is not in "CSV importieren".
      const re = new RegExp(`(?<!\\p{L})${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\p{L})`, 'u');
      out.push({ key, text, re });
    }
  }
  return out;
}

export interface Found {
  where: string;
  text: string;
  why: string;
  /** Inside an error message (an alert, a wizard error, a refused CSV row). */
  error: boolean;
}

/** Every visible English text of the page now. */
export async function englishOnPage(page: Page, language: Exclude<Language, 'en'>, where: string): Promise<Found[]> {
  const fragments = englishFragments(language);
  const texts = await page.evaluate(() => {
    const out: { text: string; error: boolean }[] = [];
    const errorish = '[role=alert], .wizard-error, .error, .import-errors, [aria-invalid=true]';
    const shown = (el: Element) => {
      const box = el as HTMLElement;
      return box.offsetParent !== null || getComputedStyle(box).position === 'fixed';
    };
    const add = (el: Element, text: string | null) => {
      const t = text?.replace(/\s+/g, ' ').trim();
      if (!t || el.closest('[lang="en"]')) return;
      out.push({ text: t, error: el.closest(errorish) !== null });
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (parent && shown(parent) && !['SCRIPT', 'STYLE'].includes(parent.tagName)) add(parent, n.textContent);
    }
    for (const el of Array.from(document.querySelectorAll('[placeholder], [aria-label], [title]'))) {
      if (!shown(el)) continue;
      for (const a of ['placeholder', 'aria-label', 'title']) add(el, el.getAttribute(a));
    }
    return out;
  });
  const found: Found[] = [];
  for (const { text, error } of texts) {
    const hit = fragments.find((f) => f.re.test(text));
    if (hit) found.push({ where, text, why: `English of ${hit.key}: "${hit.text}"`, error });
    else if (looksEnglish(text)) found.push({ where, text, why: 'English words', error });
  }
  return found;
}

const FUNCTION_WORDS = new Set(
  'the is are was has have been not no with this that for from your you must cannot can only already its it of to be or and'.split(
    ' ',
  ),
);

/** Three or more English function words in a text of four words or more. */
export function looksEnglish(text: string): boolean {
  const words = text.toLowerCase().match(/[a-z']+/g) ?? [];
  if (words.length < 4) return false;
  return words.filter((w) => FUNCTION_WORDS.has(w)).length >= 3;
}
