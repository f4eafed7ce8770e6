// A change (add, import, recreate, rename…) touches a few rows of a list of 100,000: they are
// replaced where they are, and new ones inserted where the sort puts them, so nothing else is
// re-indexed or re-sorted and the rows on screen keep their identity.
import { compareFor, indexDevices, sortIndex, type IndexedDevice, type SortSpec } from './device-filter';
import type { Device } from '../store/types';

/** Beyond this many changed rows one merge sort of the whole index beats inserting one by one. */
const INSERT_LIMIT = 64;

export interface DeviceLists {
  devices: Device[];
  sorted: IndexedDevice[];
}

export function mergeDevices(lists: DeviceLists, changed: readonly Device[], sort: SortSpec): DeviceLists {
  if (changed.length === 0) return lists;
  const bySerial = new Map(changed.map((d) => [d.serial, d]));
  const seen = new Set<string>();
  const devices = lists.devices.map((d) => {
    const next = bySerial.get(d.serial);
    if (!next) return d;
    seen.add(d.serial);
    return next;
  });
  for (const d of changed) if (!seen.has(d.serial)) devices.push(d);
  const kept = lists.sorted.filter((i) => !bySerial.has(i.device.serial));
  const fresh = indexDevices(changed);
  if (fresh.length > INSERT_LIMIT) return { devices, sorted: sortIndex(kept.concat(fresh), sort) };
  const cmp = compareFor(sort);
  for (const item of fresh) kept.splice(insertionPoint(kept, item, cmp), 0, item);
  return { devices, sorted: kept };
}

function insertionPoint<T>(items: readonly T[], item: T, cmp: (a: T, b: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cmp(items[mid]!, item) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
