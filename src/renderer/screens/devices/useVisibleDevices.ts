// The rows My devices shows: the pre-sorted index filtered by the query. Memoised on both, so a
// keystroke costs one filterDevices() pass and nothing else.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { filterDevices } from '../../lib/device-filter';
import { licenceWords } from '../../lib/licence-words';
import { useStore } from '../../store';
import type { Device } from '../../store/types';

export function useVisibleDevices(): Device[] {
  const sorted = useStore((s) => s.sorted);
  const query = useStore((s) => s.query);
  return useMemo(() => filterDevices(sorted, query, Date.now()), [sorted, query]);
}

/** Catalogue model id → its name ("comtrexx-vm" → "COMtrexx VM"). */
export function useModelNames(): Map<string, string> {
  const info = useStore((s) => s.info);
  return useMemo(() => new Map((info?.catalogue.models ?? []).map((m) => [m.id, m.name])), [info]);
}

/** Licence summary → words, cached per distinct summary (a fleet has few distinct ones). */
export function useLicenceWords(): (summary: string) => string {
  const { t, i18n } = useTranslation();
  const features = useStore((s) => s.info?.catalogue.features);
  return useMemo(() => {
    const cache = new Map<string, string>();
    return (summary: string) => {
      let words = cache.get(summary);
      if (words === undefined) {
        words = licenceWords(summary, features ?? [], t, i18n.language);
        cache.set(summary, words);
      }
      return words;
    };
  }, [features, t, i18n.language]);
}
