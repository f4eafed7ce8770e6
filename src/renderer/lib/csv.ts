// CSV in and out of "My devices", the way spreadsheets write it. Import: a header row is required
// (serial and model; name and customer optional, any order, any case, in English, German or
// Russian), a model by its name ("COMtrexx VM") or id, rows keep their spreadsheet row number so an
// error says "row 17" as the reseller sees it. Rows go to devices:import in chunks that fit main's
// payload limits. Export: the visible rows, UTF-8 with a byte order mark (so Excel reads umlauts
// and Cyrillic), with cells that a spreadsheet would run as a formula neutralised.
import Papa from 'papaparse';
import type { Device } from '../store/types';
import { err, type LdError } from '../../shared/errors';

export interface ImportRow {
  serial: string;
  model: string;
  name?: string;
  customer?: string;
}

export interface RowError {
  /** Spreadsheet row number: the header is row 1, the first device row 2. */
  row: number;
  code: string;
  message: string;
  params?: Record<string, unknown> | undefined;
}

export interface ParsedCsv {
  rows: ImportRow[];
  /** Spreadsheet row number of each entry of `rows`. */
  rowNumbers: number[];
  /** Rows refused while reading (before anything is sent). */
  errors: RowError[];
  /** The file cannot be imported at all (no header, no serial column…). */
  fatal: { code: string; message: string; params?: Record<string, unknown> | undefined } | null;
}

export const CSV_COLUMNS = ['serial', 'model', 'name', 'customer'] as const;
type Column = (typeof CSV_COLUMNS)[number];
const REQUIRED = ['serial', 'model'] as const;

/** Header words a reseller's spreadsheet may use for each column (lower case, spaces collapsed). */
const HEADER_NAMES: Record<Column, readonly string[]> = {
  serial: ['serial', 'serial number', 'serial_number', 'seriennummer', 'serien-nr.', 'серийный номер', 'серийный'],
  model: ['model', 'modell', 'модель'],
  name: ['name', 'bezeichnung', 'название', 'имя'],
  customer: ['customer', 'kunde', 'клиент', 'заказчик'],
};
const columnOf = (header: string): Column | undefined => {
  const h = header.trim().toLowerCase().replace(/\s+/g, ' ');
  return CSV_COLUMNS.find((c) => HEADER_NAMES[c].includes(h));
};

/** The authority's rule for a serial (src/licensing/names.ts), checked here to say which character is wrong. */
const SERIAL = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

function serialProblem(serial: string): string | null {
  if (serial === '' || SERIAL.test(serial)) return null;
  if (serial.length > 64) return `is ${serial.length} characters long`;
  const bad = [...serial].find((ch, i) => !(i === 0 ? /[A-Za-z0-9]/ : /[A-Za-z0-9._-]/).test(ch))!;
  const shown = bad === ' ' ? 'a space' : /\s/.test(bad) ? 'a blank' : `"${bad}"`;
  return serial.startsWith(bad) && /[._-]/.test(bad) ? `starts with ${shown}` : `contains ${shown}`;
}

export interface CatalogueModel {
  id: string;
  name: string;
}

const fail = (e: LdError): ParsedCsv => ({ rows: [], rowNumbers: [], errors: [], fatal: e.toValue() });
const rowError = (row: number, e: LdError): RowError => ({ row, ...e.toValue() });

export function parseDeviceCsv(text: string, models: readonly CatalogueModel[] = []): ParsedCsv {
  // Blank lines are kept while parsing (and skipped below) so row numbers match the spreadsheet's.
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
  const firstRow = parsed.data.findIndex((cells) => cells.some((c) => c.trim() !== ''));
  const header = parsed.data[firstRow];
  const data = parsed.data.slice(firstRow + 1);
  if (!header) return fail(err.CSV_EMPTY());
  const found = header.map((h) => h.trim()).filter((h) => h !== '');
  const columns = header.map(columnOf);
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    return fail(
      err.CSV_HEADER_MISSING({
        missing: [...missing],
        missingText: `"${missing.join('" and "')}"`,
        verb: missing.length > 1 ? 'are' : 'is',
        found: found.join(', ') || 'nothing',
      }),
    );
  }
  const at = Object.fromEntries(CSV_COLUMNS.map((c) => [c, columns.indexOf(c)])) as Record<Column, number>;
  const modelIds = new Map<string, string>();
  for (const m of models) modelIds.set(m.name.toLowerCase().replace(/\s+/g, ' '), m.id);
  const out: ParsedCsv = { rows: [], rowNumbers: [], errors: [], fatal: null };
  data.forEach((cells, i) => {
    const row = firstRow + i + 2;
    if (cells.every((c) => c.trim() === '')) return;
    const cell = (c: (typeof CSV_COLUMNS)[number]) => (at[c] >= 0 ? (cells[at[c]] ?? '').trim() : '');
    if (cells.length > columns.length) {
      out.errors.push(rowError(row, err.CSV_TOO_MANY_FIELDS({ row, fields: cells.length, columns: columns.length })));
      return;
    }
    const problem = serialProblem(cell('serial'));
    if (problem) {
      out.errors.push(rowError(row, err.SERIAL_INVALID({ variant: 'csvRow', row, serial: cell('serial'), problem })));
      return;
    }
    const model = cell('model');
    const entry: ImportRow = {
      serial: cell('serial'),
      model: modelIds.get(model.toLowerCase().replace(/\s+/g, ' ')) ?? model,
    };
    if (cell('name')) entry.name = cell('name');
    if (cell('customer')) entry.customer = cell('customer');
    out.rows.push(entry);
    out.rowNumbers.push(row);
  });
  return out;
}

// Main refuses a payload with more than 2,000 values or 64 Ki characters (src/main/ipc/payload.ts;
// the renderer may not import it). One row is one object plus up to four strings.
const MAX_VALUES = 1_900;
const MAX_CHARS = 56 * 1024;

/** Consecutive chunks of at most `size` rows, each small enough for one devices:import call. */
export function chunkRows(rows: readonly ImportRow[], size = 500): { start: number; rows: ImportRow[] }[] {
  const chunks: { start: number; rows: ImportRow[] }[] = [];
  let current: ImportRow[] = [];
  let start = 0;
  let values = 1;
  let chars = 0;
  rows.forEach((r, i) => {
    const v = 1 + Object.keys(r).length;
    const c = Object.entries(r).reduce((n, [k, s]) => n + k.length + String(s).length, 0);
    if (current.length > 0 && (current.length >= size || values + v > MAX_VALUES || chars + c > MAX_CHARS)) {
      chunks.push({ start, rows: current });
      current = [];
      start = i;
      values = 1;
      chars = 0;
    }
    current.push(r);
    values += v;
    chars += c;
  });
  if (current.length > 0) chunks.push({ start, rows: current });
  return chunks;
}

/** A cell a spreadsheet would evaluate (=, +, -, @, tab, CR) gets a leading apostrophe. */
export const safeCell = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

export const EXPORT_COLUMNS = [
  'serial',
  'model',
  'name',
  'customer',
  'status',
  'licences',
  'end_date',
  'last_verified',
] as const;

/** Excel opens a CSV as the machine's code page unless it starts with the UTF-8 byte order mark. */
export const BOM = '\uFEFF';

export function devicesToCsv(devices: readonly Device[]): string {
  const rows = devices.map((d) =>
    [
      d.serial,
      d.model,
      d.name,
      d.customer ?? '',
      d.summary?.status ?? '',
      d.summary?.licences ?? '',
      d.summary?.endDate?.slice(0, 10) ?? '',
      d.summary?.lastVerifiedAt?.slice(0, 10) ?? '',
    ].map(safeCell),
  );
  return BOM + Papa.unparse({ fields: [...EXPORT_COLUMNS], data: rows }, { newline: '\r\n' }) + '\r\n';
}
