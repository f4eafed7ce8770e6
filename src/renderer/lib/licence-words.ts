// The licence column in words: the authority's summary "10, 11×5, 12" (feature numbers with
// quantities) becomes "System activation, 5 users, Call Assist" in the UI language; the numbers stay
// available for the hover title. Pure, so the list formats 100,000 rows without touching React.
import type { AppInfo } from '../../shared/ipc/contract';
import { formatNumber } from './format';

type Feature = AppInfo['catalogue']['features'][number];
export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface LicencePart {
  feature: number;
  quantity: number;
}

/** "10, 11×5" → [{10,1},{11,5}]; parts that are not numbers are ignored. */
export function parseLicenceSummary(text: string): LicencePart[] {
  const parts: LicencePart[] = [];
  for (const raw of text.split(',')) {
    const m = /^\s*(\d+)(?:\s*×\s*(\d+))?\s*$/.exec(raw);
    if (m) parts.push({ feature: Number(m[1]), quantity: m[2] ? Number(m[2]) : 1 });
  }
  return parts;
}

/** A feature's short name: "PBX Call Assist V1" → "Call Assist" (the vendor's word without
 *  product prefix and version), in the language when the catalogue has it. */
export function shortFeatureName(f: Feature, language: string): string {
  const localised = f.names?.[language as 'de' | 'ru'];
  if (localised) return localised;
  return f.name.replace(/^PBX\s+/, '').replace(/\s+V\d+$/, '');
}

export function licenceWords(text: string, features: readonly Feature[], t: Translate, language: string): string {
  const byNumber = new Map(features.map((f) => [f.number, f]));
  return parseLicenceSummary(text)
    .map(({ feature, quantity }) => {
      const f = byNumber.get(feature);
      if (!f) return quantity > 1 ? `${feature}×${formatNumber(quantity, language)}` : String(feature);
      if (f.kind === 'countable') return t('licenceWords.users', { count: quantity });
      if (f.kind === 'activation') return t('licenceWords.activation');
      if (f.kind === 'product') return t('licenceWords.product');
      return quantity > 1
        ? `${shortFeatureName(f, language)} ×${formatNumber(quantity, language)}`
        : shortFeatureName(f, language);
    })
    .join(', ');
}

/** The word that tells models of one family apart: "COMtrexx Business" → brand "COMtrexx", word
 *  "Business"; "Askozia CFE" → "Askozia", "CFE". A one-word name is all word. */
export function modelWords(name: string): { brand: string; word: string } {
  const i = name.lastIndexOf(' ');
  return i < 0 ? { brand: '', word: name } : { brand: name.slice(0, i), word: name.slice(i + 1) };
}
