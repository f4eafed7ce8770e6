// My devices: load the list (and index it once), query and sort, add one device, import a CSV in
// chunks with progress and per-row errors, export the visible rows.
import { chunkRows, devicesToCsv, parseDeviceCsv, type RowError } from '../lib/csv';
import { indexDevices, sortIndex, type DeviceQuery, type SortKey } from '../lib/device-filter';
import { mergeDevices } from '../lib/device-rows';
import { formatNumber } from '../lib/format';
import { i18n } from '../i18n';
import { getState, setState } from '../store';
import type { Device, UiError } from '../store/types';
import { api, unwrap } from './client';
import { downloadText, today } from './download';
import { toast } from './toasts';

let loadSeq = 0;
/** A screenful and some: what a first start shows while the whole fleet is still on its way. */
const FIRST_ROWS = 100;

export async function loadDevices(): Promise<void> {
  const seq = ++loadSeq;
  setState({ devicesLoading: true });
  if (!getState().devicesLoaded) {
    // Retired devices come too: the status filter shows them on request ("Retired").
    const first = unwrap(await api().devicesList({ includeRetired: true, limit: FIRST_ROWS }));
    if (seq !== loadSeq) return; // a newer load is on its way
    if (!first.error && first.value.length < FIRST_ROWS) return showList(first.value);
    if (!first.error)
      setState({
        devices: first.value,
        sorted: sortIndex(indexDevices(first.value), getState().sort),
        devicesPartial: true,
      });
  }
  const r = unwrap(await api().devicesList({ includeRetired: true }));
  if (seq !== loadSeq) return;
  if (r.error) {
    setState({ devicesLoading: false, devicesError: r.error });
    return;
  }
  showList(r.value);
}

function showList(devices: Device[]): void {
  setState({
    devices,
    sorted: sortIndex(indexDevices(devices), getState().sort),
    devicesLoading: false,
    devicesLoaded: true,
    devicesPartial: false,
    devicesError: null,
  });
}

/** The rows a change touched, fetched and put in place (the list is not reloaded). Before the
 *  list was ever loaded there is nothing to update: it loads whole. */
export async function refreshRows(serials: readonly string[]): Promise<void> {
  if (!getState().devicesLoaded) return loadDevices();
  const unique = [...new Set(serials)];
  for (let i = 0; i < unique.length; i += 1000) {
    const r = unwrap(await api().devicesList({ includeRetired: true, serials: unique.slice(i, i + 1000) }));
    if (r.error) return loadDevices();
    const { devices, sorted, sort } = getState();
    setState(mergeDevices({ devices, sorted }, r.value, sort));
  }
}

export function setQuery(patch: Partial<DeviceQuery>): void {
  setState({ query: { ...getState().query, ...patch } });
}

/** Click on a column: sort by it ascending, a second click descending. */
export function sortBy(key: SortKey): void {
  const { sort, sorted } = getState();
  const next = { key, dir: sort.key === key && sort.dir === 'asc' ? 'desc' : 'asc' } as const;
  setState({ sort: next, sorted: sortIndex(sorted, next) });
}

export interface NewDevice {
  serial: string;
  model: string;
  name: string;
  customer: string;
}

export async function addDevice(input: NewDevice): Promise<UiError | null> {
  const r = unwrap(
    await api().devicesAdd({
      serial: input.serial.trim(),
      model: input.model,
      ...(input.name.trim() ? { name: input.name.trim() } : {}),
      ...(input.customer.trim() ? { customer: input.customer.trim() } : {}),
    }),
  );
  if (r.error) return r.error;
  toast('success', i18n.t('devices.added', { serial: r.value.serial }));
  await refreshRows([r.value.serial]);
  return null;
}

/** Asks the vendor for a serial another reseller registered (DEVICE_HELD_ELSEWHERE's way forward). */
export async function requestTransfer(serial: string): Promise<UiError | null> {
  const r = unwrap(await api().transfersRequest({ serial: serial.trim() }));
  if (r.error) return r.error;
  toast('success', i18n.t('devices.transferRequested', { serial: r.value.serial }));
  return null;
}

/** Reads the CSV, sends it chunk by chunk (progress after each), and collects every row's error
 *  under its spreadsheet row number. */
export async function importCsv(text: string): Promise<void> {
  const parsed = parseDeviceCsv(text, getState().info?.catalogue.models ?? []);
  if (parsed.fatal) {
    setState({ importState: { total: 0, done: 0, added: 0, errors: [], running: false, fatal: parsed.fatal } });
    return;
  }
  const errors: RowError[] = [...parsed.errors];
  let added = 0;
  // Rows refused while reading count as done: the bar covers every row of the file.
  let done = parsed.errors.length;
  const total = parsed.rows.length + parsed.errors.length;
  setState({ importState: { total, done, added, errors, running: true, fatal: null } });
  for (const chunk of chunkRows(parsed.rows)) {
    const r = unwrap(await api().devicesImport({ rows: chunk.rows }));
    if (r.error) {
      // The whole call was refused: every row of the chunk gets the reason.
      chunk.rows.forEach((_, i) => errors.push({ row: parsed.rowNumbers[chunk.start + i]!, ...r.error }));
    } else {
      added += r.value.added;
      for (const e of r.value.errors) errors.push({ ...e, row: parsed.rowNumbers[chunk.start + e.row - 1]! });
      // The rows just added are in the list (and found by search) as soon as their chunk is in.
      const refused = new Set(r.value.errors.map((e) => e.row - 1));
      const landed = chunk.rows.filter((_, i) => !refused.has(i)).map((row) => row.serial.trim());
      if (landed.length) await refreshRows(landed);
    }
    done += chunk.rows.length;
    setState({
      importState: {
        total,
        done,
        added,
        errors: [...errors].sort((a, b) => a.row - b.row),
        running: true,
        fatal: null,
      },
    });
  }
  setState({
    importState: { total, done, added, errors: [...errors].sort((a, b) => a.row - b.row), running: false, fatal: null },
  });
  const n = (x: number) => formatNumber(x, i18n.language);
  toast(errors.length ? 'info' : 'success', i18n.t('import.summary', { added: n(added), failed: n(errors.length) }));
}

export function clearImport(): void {
  setState({ importState: null });
}

export function exportCsv(devices: readonly Device[]): void {
  downloadText(`licence-desk-devices-${today()}.csv`, devicesToCsv(devices), 'text/csv;charset=utf-8');
}
