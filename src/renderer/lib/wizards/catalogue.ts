// What the wizards need from the catalogue (app:info): feature and model names in the user's
// language, and which models have a trial (Askozia: host-bound, MIKO) or a tryout (COMtrexx VM).
import type { AppInfo } from '../../../shared/ipc/contract';

export type Catalogue = AppInfo['catalogue'];
export type Model = Catalogue['models'][number];

/** The feature's name in `lang` (the catalogue's German or Russian name when it has one). */
export function featureName(cat: Catalogue | undefined, number: number, lang: string): string {
  const f = cat?.features.find((x) => x.number === number);
  if (!f) return `#${number}`;
  const local = lang === 'de' ? f.names?.de : lang === 'ru' ? f.names?.ru : undefined;
  return local ?? f.name;
}

export const modelOf = (cat: Catalogue | undefined, id: string): Model | undefined =>
  cat?.models.find((m) => m.id === id);

export const modelName = (cat: Catalogue | undefined, id: string): string => modelOf(cat, id)?.name ?? id;

/** Askozia (MIKO) models: registration numbers, the 30-day trial, host bindings. */
export const isAskozia = (cat: Catalogue | undefined, id: string): boolean => modelOf(cat, id)?.vendor === 'miko';

/**
 * Why a model has no tryout ('business': always bought licences; 'askozia': a trial instead), or
 * null for the COMtrexx VM. The authority decides for real (tryout:status); this picks the words.
 */
export function noTryoutKind(cat: Catalogue | undefined, id: string): 'business' | 'askozia' | 'other' | null {
  const m = modelOf(cat, id);
  if (!m) return 'other';
  if (m.vendor === 'miko') return 'askozia';
  if (m.id === 'comtrexx-vm') return null;
  return m.features.includes(10) ? 'business' : 'other';
}

/** The COMtrexx VM tryout as the manual states it (app:info's catalogue summary does not carry it). */
export const TRYOUT = { days: 14, testUsers: 3 } as const;
