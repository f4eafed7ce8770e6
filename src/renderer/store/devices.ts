// "My devices": the list as main returned it, its search index (built once per list), the query
// and sort the user chose, and the CSV import in progress.
import type { StateCreator } from 'zustand';
import { EMPTY_QUERY, type DeviceQuery, type IndexedDevice, type SortSpec } from '../lib/device-filter';
import type { RowError } from '../lib/csv';
import type { RootState } from './index';
import type { Device, UiError } from './types';

export interface ImportState {
  total: number;
  done: number;
  added: number;
  errors: RowError[];
  running: boolean;
  /** The file could not be read at all. */
  fatal: UiError | null;
}

export interface DevicesSlice {
  devices: Device[];
  /** indexDevices(devices), sorted by `sort`: rebuilt when either changes, never per keystroke. */
  sorted: IndexedDevice[];
  devicesLoaded: boolean;
  /** Only the first rows are in (a large fleet shows them at once); the whole list is on its way. */
  devicesPartial: boolean;
  devicesLoading: boolean;
  devicesError: UiError | null;
  query: DeviceQuery;
  sort: SortSpec;
  importState: ImportState | null;
}

export const createDevicesSlice: StateCreator<RootState, [], [], DevicesSlice> = () => ({
  devices: [],
  sorted: [],
  devicesLoaded: false,
  devicesPartial: false,
  devicesLoading: false,
  devicesError: null,
  query: EMPTY_QUERY,
  sort: { key: 'serial', dir: 'asc' },
  importState: null,
});
