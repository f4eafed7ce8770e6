// Human-readable output for the CLI (the demo prints the same lines).
import type { OpOutput } from '../shared/api';

type Device = OpOutput<'devices.list'>[number];
type Detail = OpOutput<'devices.get'>;
type Licence = OpOutput<'licences.grant'>;

export function formatDeviceList(devices: Device[]): string {
  if (devices.length === 0) return 'No devices yet. Add one with: licence-desk device add --serial S --model M';
  return table(
    ['SERIAL', 'MODEL', 'NAME', 'CUSTOMER'],
    devices.map((d) => [d.serial, d.model, d.name, d.customer ?? '']),
  );
}

export function formatDevice(d: Detail): string {
  const head = `${d.device.serial}  ${d.device.model}${d.device.name ? `  "${d.device.name}"` : ''}${d.device.retiredAt ? `  (retired ${d.device.retiredAt.slice(0, 10)})` : ''}`;
  const lines = [head, '', 'Licences:'];
  lines.push(
    d.licences.length
      ? table(
          ['FEATURE', 'NAME', 'QTY', 'SOURCE', 'UNTIL'],
          d.licences.map((l) => [
            String(l.feature),
            l.featureName,
            String(l.quantity),
            l.source,
            l.endedAt ? `ended ${l.endedAt.slice(0, 10)}` : (l.notAfter?.slice(0, 10) ?? 'perpetual'),
          ]),
        )
      : '  none',
  );
  lines.push('', 'Certificates:');
  lines.push(
    d.certificates.length
      ? table(
          ['SERIAL', 'ISSUED', 'UNTIL', 'GEN', 'STATE'],
          d.certificates.map((c) => [
            c.serialHex,
            c.issuedAt.slice(0, 19),
            c.notAfter.slice(0, 10),
            String(c.generation),
            c.revokedAt
              ? `revoked (${c.revokedReason ?? ''})`
              : c.supersededBy
                ? `superseded by ${c.supersededBy.slice(0, 8)}…`
                : 'current',
          ]),
        )
      : '  none',
  );
  return lines.join('\n');
}

export const formatGrant = (serial: string, l: Licence): string =>
  `Granted feature ${l.feature} (${l.featureName}) × ${l.quantity} to ${serial}, ${l.notAfter ? `until ${l.notAfter.slice(0, 10)}` : 'perpetual'}`;

export function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    '  ' +
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(head), ...rows.map(line)].join('\n');
}
