// The ICS export (src/renderer/lib/ics.ts) against RFC 5545: CRLF, folding at 75 octets without
// splitting a character, TEXT escaping, a stable UID per device and date, DTSTAMP, all-day events.
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, toIcs } from '../../src/renderer/lib/ics';
import { makeDevice } from './devices-data';

const NOW = new Date('2026-03-01T12:34:56.789Z');
const octets = (s: string) => new TextEncoder().encode(s).length;
/** Unfolding (RFC 5545 3.1): a CRLF followed by one space or tab is removed. */
const unfold = (s: string) => s.replace(/\r\n[ \t]/g, '');

describe('toIcs', () => {
  const device = makeDevice(1, NOW.getTime(), {
    serial: 'CTX-0001',
    name: 'Zentrale; Büro, 2. Stock \\ Nord',
    customer: 'Müller GmbH & Co. KG — Niederlassung Süd mit sehr langem Namen',
    status: 'licensed',
    endInDays: 30,
  });
  const ics = toIcs(
    [device, makeDevice(2, NOW.getTime(), { serial: 'CTX-0002', status: 'unlicensed', endInDays: null })],
    { now: NOW },
  );
  const lines = ics.split('\r\n');

  it('uses CRLF everywhere and ends with one', () => {
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('is a VCALENDAR with VERSION and PRODID, and one VEVENT per device with an end date', () => {
    expect(lines.slice(0, 3)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Licence Desk//Licence end dates//EN',
    ]);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(ics.match(/END:VEVENT/g)).toHaveLength(1);
  });

  it('folds every line at 75 octets, never inside a UTF-8 character', () => {
    expect(lines.every((l) => octets(l) <= 75)).toBe(true);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true); // the long description was folded
    expect(unfold(ics)).toContain('Müller GmbH & Co. KG — Niederlassung Süd mit sehr langem Namen');
  });

  it('escapes backslash, semicolon, comma and line breaks in TEXT values', () => {
    const text = unfold(ics);
    expect(text).toContain('SUMMARY:Licence ends: Zentrale\\; Büro\\, 2. Stock \\\\ Nord\r\n');
    expect(text).toMatch(/DESCRIPTION:Serial number: CTX-0001\\nModel: [^\r\n]+\\nCustomer: /);
    expect(escapeText('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne');
  });

  it('gives each event a stable UID (serial + date), a DTSTAMP in UTC, and an all-day date', () => {
    const text = unfold(ics);
    const day = device.summary!.endDate!.slice(0, 10).replace(/-/g, '');
    expect(text).toContain(`UID:CTX-0001-${day}@licence-desk\r\n`);
    expect(text).toContain('DTSTAMP:20260301T123456Z\r\n');
    expect(text).toContain(`DTSTART;VALUE=DATE:${day}\r\n`);
    expect(text).toMatch(/DTEND;VALUE=DATE:\d{8}\r\n/);
    expect(text).toContain('TRIGGER:-P14D');
    // The same devices exported again: the same UIDs (calendars update instead of duplicating).
    expect(toIcs([device], { now: new Date() })).toContain(`UID:CTX-0001-${day}@licence-desk`);
  });
});

describe('foldLine', () => {
  it('leaves short lines alone and splits long ones into 75 then 74+1 octets', () => {
    expect(foldLine('SUMMARY:short')).toBe('SUMMARY:short');
    const long = `DESCRIPTION:${'x'.repeat(200)}`;
    const parts = foldLine(long).split('\r\n');
    expect(octets(parts[0]!)).toBe(75);
    expect(parts.slice(1).every((p) => p.startsWith(' ') && octets(p) <= 75)).toBe(true);
    expect(parts.join('').replace(/ /g, '')).toBe(long);
  });

  it('never cuts a multi-byte character (Cyrillic: 2 octets, emoji: 4)', () => {
    const line = `SUMMARY:${'ж'.repeat(50)}${'😀'.repeat(20)}`;
    const parts = foldLine(line).split('\r\n');
    expect(parts.every((p) => octets(p) <= 75)).toBe(true);
    expect(unfold(foldLine(line))).toBe(line);
  });
});
