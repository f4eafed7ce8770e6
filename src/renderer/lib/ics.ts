// End dates as an iCalendar file (RFC 5545) a reseller imports into any calendar: one all-day
// event per device and end date, with a reminder two weeks ahead. What the RFC requires and
// calendar apps enforce: CRLF line ends, lines folded at 75 octets (UTF-8, never inside a
// character), TEXT values escaped, a UID that stays the same when the file is exported again
// (so re-importing updates the events instead of duplicating them), and a DTSTAMP.
import type { Device } from '../store/types';

export interface IcsOptions {
  /** DTSTAMP: when the file was made. */
  now: Date;
  /** SUMMARY text for a device (translated by the caller). */
  summary?: (d: Device) => string;
  /** DESCRIPTION text for a device. */
  description?: (d: Device) => string;
  /** Days before the end to remind; null for no alarm. */
  remindDays?: number | null;
}

const CRLF = '\r\n';
const encoder = new TextEncoder();

/** TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma, and line breaks as \n. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds one content line: at most 75 octets a line, continuation lines start with one space. */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    // The first line holds 75 octets; continuations hold 74 after their leading space.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** 20260131T101500Z */
export const icsDateTime = (d: Date): string =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
/** 20260131 (the UTC calendar day of the ISO time). */
const icsDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10).replace(/-/g, '');

const defaultSummary = (d: Device) => `Licence ends: ${d.name || d.serial}`;
const defaultDescription = (d: Device) =>
  [
    `Serial number: ${d.serial}`,
    `Model: ${d.model}`,
    d.customer ? `Customer: ${d.customer}` : '',
    d.summary?.licences ? `Licences: ${d.summary.licences}` : '',
  ]
    .filter((l) => l !== '')
    .join('\n');

export function toIcs(devices: readonly Device[], opts: IcsOptions): string {
  const stamp = icsDateTime(opts.now);
  const summary = opts.summary ?? defaultSummary;
  const description = opts.description ?? defaultDescription;
  const remind = opts.remindDays === undefined ? 14 : opts.remindDays;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Licence Desk//Licence end dates//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  for (const d of devices) {
    const end = d.summary?.endDate ? Date.parse(d.summary.endDate) : NaN;
    if (Number.isNaN(end)) continue;
    const day = icsDate(end);
    lines.push(
      'BEGIN:VEVENT',
      // Serials are [A-Za-z0-9._-]: safe in a UID as they are.
      `UID:${d.serial}-${day}@licence-desk`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${day}`,
      `DTEND;VALUE=DATE:${icsDate(end + 24 * 3600 * 1000)}`,
      `SUMMARY:${escapeText(summary(d))}`,
      `DESCRIPTION:${escapeText(description(d))}`,
      'TRANSP:TRANSPARENT',
    );
    if (remind !== null)
      lines.push(
        'BEGIN:VALARM',
        'ACTION:DISPLAY',
        `DESCRIPTION:${escapeText(summary(d))}`,
        `TRIGGER:-P${remind}D`,
        'END:VALARM',
      );
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
