// Rows a change touched are merged into the sorted index in place: the result is exactly what
// indexing and sorting the whole new list would give, for few rows (inserted) and many (re-sorted).
import { describe, expect, it } from 'vitest';
import { indexDevices, sortIndex, SORT_KEYS, type SortSpec } from '../../src/renderer/lib/device-filter';
import { mergeDevices } from '../../src/renderer/lib/device-rows';
import type { Device } from '../../src/renderer/store/types';
import { makeDevice, makeDevices } from './devices-data';

const now = Date.UTC(2026, 11, 1);
const serials = (xs: { serial: string }[]) => xs.map((x) => x.serial);

function check(before: Device[], changed: Device[], sort: SortSpec) {
  const lists = { devices: before, sorted: sortIndex(indexDevices(before), sort) };
  const merged = mergeDevices(lists, changed, sort);
  const bySerial = new Map(changed.map((d) => [d.serial, d]));
  const expected = [
    ...before.map((d) => bySerial.get(d.serial) ?? d),
    ...changed.filter((d) => !before.some((b) => b.serial === d.serial)),
  ];
  expect(merged.devices).toEqual(expected);
  expect(serials(merged.sorted)).toEqual(serials(sortIndex(indexDevices(expected), sort)));
}

describe('mergeDevices', () => {
  const before = makeDevices(500, now);

  for (const key of SORT_KEYS)
    for (const dir of ['asc', 'desc'] as const)
      it(`replaces and inserts a few rows in ${key} ${dir} order`, () => {
        const changed = [
          { ...before[17]!, name: 'Zzz renamed', summary: { ...before[3]!.summary! } },
          { ...before[250]!, customer: 'Aaa first' },
          makeDevice(9001, now, { serial: 'NEW-0001', status: 'expiring', endInDays: 1 }),
        ];
        check(before, changed, { key, dir });
      });

  it('merges an import of many rows with one sort', () => {
    const imported = Array.from({ length: 300 }, (_, i) => makeDevice(10_000 + i, now, { serial: `IMP-${i}` }));
    check(before, imported, { key: 'serial', dir: 'asc' });
  });

  it('keeps the lists as they are when nothing changed', () => {
    const lists = { devices: before, sorted: sortIndex(indexDevices(before), { key: 'serial', dir: 'asc' }) };
    expect(mergeDevices(lists, [], { key: 'serial', dir: 'asc' })).toBe(lists);
  });
});
