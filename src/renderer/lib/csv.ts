// CSV in and out of "My devices". Import: a header row is required (serial and model; name and
// customer optional, any order, any case), rows keep their spreadsheet row number so an error
// says "row 17" as the reseller sees it. Rows go to devices:import in chunks that fit main's
// payload limits. Export: the visible rows, with cells that a spreadsheet would run as a formula
// neutralised.
import Papa from 'papaparse';
import type { Device } from '../store/types';

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
}

export interface ParsedCsv {
  rows: ImportRow[];
  /** Spreadsheet row number of each entry of `rows`. */
  rowNumbers: number[];
  /** Rows refused while reading (before anything is sent). */
  errors: RowError[];
  /** The file cannot be imported at all (no header, no serial column…). */
  fatal: { code: string; message: string } | null;
}

export const CSV_COLUMNS = ['serial', 'model', 'name', 'customer'] as const;
const REQUIRED = ['serial', 'model'] as const;

const fail = (code: string, message: string): ParsedCsv => ({
  rows: [],
  rowNumbers: [],
  errors: [],
  fatal: { code, message },
});

export function parseDeviceCsv(text: string): ParsedCsv {
  // Blank lines are kept while parsing (and skipped below) so row numbers match the spreadsheet's.
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
  const firstRow = parsed.data.findIndex((cells) => cells.some((c) => c.trim() !== ''));
  const header = parsed.data[firstRow];
  const data = parsed.data.slice(firstRow + 1);
  if (!header)
    return fail(
      'CSV_EMPTY',
      'The file is empty: it needs a header row (serial,model,name,customer) and one row per device.',
    );
  const columns = header.map((h) => h.trim().toLowerCase());
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    return fail(
      'CSV_HEADER_MISSING',
      `The first row must name the columns; "${missing.join('" and "')}" ${missing.length > 1 ? 'are' : 'is'} missing (found: ${columns.join(', ') || 'nothing'}).`,
    );
  }
  const at = Object.fromEntries(CSV_COLUMNS.map((c) => [c, columns.indexOf(c)])) as Record<
    (typeof CSV_COLUMNS)[number],
    number
  >;
  const out: ParsedCsv = { rows: [], rowNumbers: [], errors: [], fatal: null };
  data.forEach((cells, i) => {
    const row = firstRow + i + 2;
    if (cells.every((c) => c.trim() === '')) return;
    const cell = (c: (typeof CSV_COLUMNS)[number]) => (at[c] >= 0 ? (cells[at[c]] ?? '').trim() : '');
    if (cells.length > columns.length) {
      out.errors.push({
        row,
        code: 'CSV_TOO_MANY_FIELDS',
        message: `Row ${row} has ${cells.length} fields but the header names ${columns.length}: is a comma missing its quotes?`,
      });
      return;
    }
    const entry: ImportRow = { serial: cell('serial'), model: cell('model') };
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
  return Papa.unparse({ fields: [...EXPORT_COLUMNS], data: rows }, { newline: '\r\n' }) + '\r\n';
}
