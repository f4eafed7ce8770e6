// Human-readable tables for the CLI.
import type { Catalogue } from '../../licensing/catalogue';
import type { DeviceDetail } from '../authority';
import type { DeviceRow } from '../store/types';

export function formatDeviceList(devices: DeviceRow[]): string {
  if (devices.length === 0) return 'No devices yet. Add one with: licence-desk device add --serial S --model M';
  const rows = devices.map((d) => [d.serial, d.model, d.name]);
  return table(['SERIAL', 'MODEL', 'NAME'], rows);
}

export function formatDevice(d: DeviceDetail, cat: Catalogue): string {
  const feature = (n: number) => cat.features.find((f) => f.number === n)?.name ?? '?';
  const lines = [`${d.device.serial}  ${d.device.model}${d.device.name ? `  "${d.device.name}"` : ''}`, '', 'Licences:'];
  lines.push(d.licences.length ? table(['FEATURE', 'NAME', 'QTY', 'SOURCE', 'UNTIL'],
    d.licences.map((l) => [String(l.feature), feature(l.feature), String(l.quantity), l.source, l.notAfter?.slice(0, 10) ?? 'perpetual'])) : '  none');
  lines.push('', 'Certificates:');
  lines.push(d.certificates.length ? table(['SERIAL', 'ISSUED', 'UNTIL', 'GEN', 'STATE'],
    d.certificates.map((c) => [c.serialHex, c.issuedAt.slice(0, 19), c.notAfter.slice(0, 10), String(c.generation), c.supersededBy ? `superseded by ${c.supersededBy.slice(0, 8)}…` : 'current'])) : '  none');
  return lines.join('\n');
}

export function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => '  ' + r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(head), ...rows.map(line)].join('\n');
}
