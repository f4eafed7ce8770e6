// `binding list | show | reset`: licence bindings to hosts. A reset must name the binding's feature
// number, so resetting Askozia CFE (34) when you meant Askozia PBX (33) is refused.
import type { Command } from 'commander';
import type { OpOutput } from '../shared/api';
import { err } from '../shared/errors';
import { withClient } from './context';
import { table } from './format';
import { intOption, print, printJson } from './io';

type Binding = OpOutput<'bindings.list'>[number];
type Shown = OpOutput<'bindings.show'>;

const short = (hex: string) => (hex.length > 12 ? `${hex.slice(0, 12)}…` : hex);
const minute = (iso: string) => iso.slice(0, 16).replace('T', ' ');
const state = (b: Binding) => (b.active ? 'active' : `reset ${b.resetAt?.slice(0, 10) ?? ''}`);

function requireId(value: string): number {
  const id = intOption(value, 'ID');
  if (!id) throw err.OPTION_INVALID({ variant: 'bindingId' });
  return id;
}

export function formatBindings(list: Binding[]): string {
  if (list.length === 0)
    return 'No licence bindings to hosts yet: they appear when a host-bound PBX (Askozia) is activated.';
  return table(
    [
      'ID',
      'SERIAL',
      'FEATURE',
      'PRODUCT',
      'HOST',
      'HOST NAME',
      'FIRMWARE',
      'FIRST SEEN',
      'LAST SEEN',
      'ON HOST',
      'STATE',
    ],
    list.map((b) => [
      String(b.id),
      b.serial,
      String(b.feature),
      b.productName,
      short(b.hostFingerprint),
      b.hostName ?? '',
      b.firmware ?? '',
      minute(b.firstSeen),
      minute(b.lastSeen),
      String(b.hostBindings),
      state(b),
    ]),
  );
}

export function formatBinding({ binding: b, certificates }: Shown): string {
  const lines = [
    `Binding ${b.id}: feature ${b.feature} (${b.productName}) of ${b.serial}, ${state(b)}${b.resetBy ? ` by ${b.resetBy}` : ''}`,
    `  Host:        ${b.hostFingerprint}${b.hostName ? ` (${b.hostName})` : ''}`,
    `  Firmware:    ${b.firmware ?? 'unknown'}`,
    `  First seen:  ${minute(b.firstSeen)} UTC`,
    `  Last seen:   ${minute(b.lastSeen)} UTC`,
    `  On host:     ${b.hostBindings} active binding${b.hostBindings === 1 ? '' : 's'}`,
    '',
    'Certificates relying on it:',
  ];
  lines.push(
    certificates.length
      ? table(
          ['SERIAL', 'ISSUED', 'UNTIL', 'GEN', 'STATE'],
          certificates.map((c) => [
            c.serialHex,
            minute(c.issuedAt),
            c.notAfter.slice(0, 10),
            String(c.generation),
            c.revokedAt ? `revoked (${c.revokedReason ?? ''})` : c.supersededBy ? 'superseded' : 'current',
          ]),
        )
      : '  none',
  );
  if (b.active)
    lines.push(
      '',
      `Reset (frees the host, revokes these certificates): licence-desk binding reset ${b.id} --feature ${b.feature}`,
    );
  return lines.join('\n');
}

export function bindingCommands(program: Command): void {
  const binding = program.command('binding').description('licence bindings to hosts (Askozia)');
  binding
    .command('list')
    .description('list bindings, active first')
    .option('--serial <serial>', 'only this PBX')
    .option('--json', 'print JSON')
    .action((o: { serial?: string; json?: boolean }, cmd: Command) =>
      withClient(cmd, async (c) => {
        const list = await c.call('bindings.list', o.serial ? { serial: o.serial } : {});
        if (o.json) printJson(list);
        else print(formatBindings(list));
      }),
    );
  binding
    .command('show')
    .argument('<id>')
    .description('host details and the certificates that rely on a binding')
    .option('--json', 'print JSON')
    .action((id: string, o: { json?: boolean }, cmd: Command) =>
      withClient(cmd, async (c) => {
        const shown = await c.call('bindings.show', { id: requireId(id) });
        if (o.json) printJson(shown);
        else print(formatBinding(shown));
      }),
    );
  binding
    .command('reset')
    .argument('<id>')
    .description('remove a binding and revoke its certificates; confirm with its feature number')
    .requiredOption('--feature <number>', "the binding's feature number (e.g. 33 for Askozia PBX)")
    .option('--json', 'print JSON')
    .action((id: string, o: { feature: string; json?: boolean }, cmd: Command) =>
      withClient(cmd, async (c) => {
        const r = await c.call('bindings.reset', { id: requireId(id), feature: intOption(o.feature, '--feature') });
        if (o.json) {
          printJson(r);
          return;
        }
        const b = r.binding;
        print(
          `Reset binding ${b.id}: feature ${b.feature} (${b.productName}) of ${b.serial} on host ${short(b.hostFingerprint)}${b.hostName ? ` (${b.hostName})` : ''}; ` +
            `revoked ${r.revoked.length} certificate${r.revoked.length === 1 ? '' : 's'}. The licence can now be activated on another host.`,
        );
      }),
    );
}
