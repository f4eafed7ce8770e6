// CSV import parsing, chunking to main's payload limits, and export (src/renderer/lib/csv.ts).
import { describe, expect, it } from 'vitest';
import { checkPayload } from '../../src/main/ipc/payload';
import { chunkRows, devicesToCsv, parseDeviceCsv, safeCell } from '../../src/renderer/lib/csv';
import { makeDevice } from './devices-data';

describe('parseDeviceCsv', () => {
  it('reads the columns by the header, in any order and case, with spreadsheet row numbers', () => {
    const p = parseDeviceCsv(
      '\uFEFFCustomer;Model;Serial;Name\n"Müller; GmbH";comtrexx-vm;CTX-1;Lab\n\nACME;comtrexx-business;CTX-2;\n',
    );
    expect(p.fatal).toBeNull();
    expect(p.rows).toEqual([
      { serial: 'CTX-1', model: 'comtrexx-vm', name: 'Lab', customer: 'Müller; GmbH' },
      { serial: 'CTX-2', model: 'comtrexx-business', customer: 'ACME' },
    ]);
    expect(p.rowNumbers).toEqual([2, 4]);
  });

  it('refuses a file without a header naming serial and model', () => {
    expect(parseDeviceCsv('CTX-1,comtrexx-vm\n').fatal?.code).toBe('CSV_HEADER_MISSING');
    expect(parseDeviceCsv('serial,name\nCTX-1,x\n').fatal?.message).toContain('"model" is missing');
    expect(parseDeviceCsv('').fatal?.code).toBe('CSV_EMPTY');
  });

  it('reports a row with more fields than the header, and keeps the others', () => {
    const p = parseDeviceCsv('serial,model\nCTX-1,comtrexx-vm\nCTX-2,comtrexx-vm,extra\n');
    expect(p.rows).toHaveLength(1);
    expect(p.errors).toEqual([expect.objectContaining({ row: 3, code: 'CSV_TOO_MANY_FIELDS' })]);
  });
});

describe('chunkRows', () => {
  it("cuts at 500 rows, and earlier when a chunk would pass main's payload limits", () => {
    const full = Array.from({ length: 1200 }, (_, i) => ({
      serial: `CTX-${i}`,
      model: 'comtrexx-vm',
      name: `Site ${i}`,
      customer: `Customer ${i}`,
    }));
    const chunks = chunkRows(full);
    expect(chunks.map((c) => c.start)).toEqual(
      chunks.map((_, i) => chunks.slice(0, i).reduce((n, c) => n + c.rows.length, 0)),
    );
    expect(chunks.reduce((n, c) => n + c.rows.length, 0)).toBe(1200);
    for (const c of chunks) {
      expect(c.rows.length).toBeLessThanOrEqual(500);
      expect(checkPayload({ rows: c.rows })).toBeUndefined(); // main would accept it
    }
    const bare = chunkRows(Array.from({ length: 1200 }, (_, i) => ({ serial: `CTX-${i}`, model: 'comtrexx-vm' })));
    expect(bare.map((c) => c.rows.length)).toEqual([500, 500, 200]);
    const long = chunkRows(
      Array.from({ length: 300 }, (_, i) => ({
        serial: `CTX-${i}`,
        model: 'comtrexx-vm',
        name: 'n'.repeat(390),
        customer: 'c'.repeat(390),
      })),
    );
    for (const c of long) expect(checkPayload({ rows: c.rows })).toBeUndefined();
  });
});

describe('devicesToCsv', () => {
  it('writes the visible rows with a header, CRLF, quoting, and formula cells neutralised', () => {
    const now = Date.parse('2026-03-01T00:00:00Z');
    const csv = devicesToCsv([
      makeDevice(1, now, {
        serial: 'CTX-1',
        name: '=HYPERLINK("x")',
        customer: 'A, "B"',
        status: 'licensed',
        endInDays: 10,
        verifiedDaysAgo: 2,
      }),
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true); // Excel reads it as UTF-8
    const [header, row] = csv.slice(1).split('\r\n');
    expect(header).toBe('serial,model,name,customer,status,licences,end_date,last_verified');
    expect(row).toMatch(/^CTX-1,[a-z-]+,"'=HYPERLINK\(""x""\)","A, ""B""",licensed,11×\d+,2026-03-1\d,2026-02-27$/);
    expect(safeCell('+1')).toBe("'+1");
    expect(safeCell('CTX-1')).toBe('CTX-1');
  });
});

describe('CSV the way spreadsheets write it', () => {
  const models = [
    { id: 'comtrexx-vm', name: 'COMtrexx VM' },
    { id: 'askozia-pbx', name: 'Askozia PBX' },
  ];

  it('reads German and Russian headers and model names', () => {
    const de = parseDeviceCsv('\uFEFFSeriennummer;Modell;Name;Kunde\nCTX-1;COMtrexx VM;Empfang;Müller GmbH\n', models);
    expect(de.fatal).toBeNull();
    expect(de.rows).toEqual([{ serial: 'CTX-1', model: 'comtrexx-vm', name: 'Empfang', customer: 'Müller GmbH' }]);
    const ru = parseDeviceCsv('Серийный номер,Модель,Название,Клиент\nAKZ-1,askozia  pbx,Офис,ООО Петров\n', models);
    expect(ru.rows).toEqual([{ serial: 'AKZ-1', model: 'askozia-pbx', name: 'Офис', customer: 'ООО Петров' }]);
    // An id stays an id; an unknown model goes to the authority as written (and is refused there).
    expect(parseDeviceCsv('serial,model\nX1,comtrexx-vm\nX2,Nope 9\n', models).rows.map((r) => r.model)).toEqual([
      'comtrexx-vm',
      'Nope 9',
    ]);
  });

  it('names the wrong character of a serial and what is allowed', () => {
    const p = parseDeviceCsv(
      'serial,model\nBAD SERIAL,comtrexx-vm\n-X,comtrexx-vm\nA/B,comtrexx-vm\nOK-1,comtrexx-vm\n',
    );
    expect(p.rows.map((r) => r.serial)).toEqual(['OK-1']);
    expect(p.errors.map((e) => [e.row, e.code])).toEqual([
      [2, 'SERIAL_INVALID'],
      [3, 'SERIAL_INVALID'],
      [4, 'SERIAL_INVALID'],
    ]);
    expect(p.errors[0]!.message).toContain('contains a space');
    expect(p.errors[1]!.message).toContain('starts with "-"');
    expect(p.errors[2]!.message).toContain('contains "/"');
    expect(p.errors[0]!.message).toContain("letters A–Z, digits 0–9, '.', '_' and '-'");
  });

  it('says which header names work when the serial column is missing', () => {
    const p = parseDeviceCsv('Gerät,Modell\nX,comtrexx-vm\n');
    expect(p.fatal?.code).toBe('CSV_HEADER_MISSING');
    expect(p.fatal?.message).toContain('"serial" is missing (found: Gerät, Modell');
    expect(p.fatal?.message).toContain('Seriennummer');
  });
});
