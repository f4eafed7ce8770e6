// The rows My devices shows: the pre-sorted index filtered by the query. Memoised on both, so a
// keystroke costs one filterDevices() pass and nothing else.
import { useMemo } from 'react';
import { filterDevices } from '../../lib/device-filter';
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
