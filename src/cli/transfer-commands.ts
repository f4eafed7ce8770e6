// device transfer request|list|approve|refuse: moving a serial that another reseller registered.
import type { Command } from 'commander';
import type { Transfer } from '../shared/api/transfers';
import { withClient } from './context';
import { intOption, print, printJson } from './io';

const describe = (t: Transfer): string => {
  const who = t.from !== undefined ? ` from ${t.from} to ${t.to}` : ` (${t.direction})`;
  const when = t.decidedAt ? ` on ${t.decidedAt.slice(0, 10)}` : '';
  return `#${t.id} ${t.serial}${who}: ${t.status}${when}${t.note ? ` — ${t.note}` : ''}`;
};

export function transferCommands(device: Command): void {
  const transfer = device
    .command('transfer')
    .description('move a PBX another reseller registered (the vendor decides)');
  transfer
    .command('request')
    .argument('<serial>')
    .option('--note <text>', 'why the PBX is yours (the vendor reads it)')
    .option('--json', 'print JSON')
    .description('ask the vendor to move a PBX registered by another reseller to you')
    .action((serial: string, o: { note?: string; json?: boolean }, cmd: Command) =>
      withClient(cmd, async (c) => {
        const t = await c.call('transfers.request', { serial, note: o.note });
        if (o.json) printJson(t);
        else print(`Asked for ${t.serial} (request #${t.id}); the current holder keeps it until the vendor decides.`);
      }),
    );
  transfer
    .command('list')
    .option('--pending', 'only requests not yet decided')
    .option('--json', 'print JSON')
    .description('transfer requests you made or received (the vendor: all)')
    .action((o: { pending?: boolean; json?: boolean }, cmd: Command) =>
      withClient(cmd, async (c) => {
        const list = await c.call('transfers.list', { pendingOnly: o.pending });
        if (o.json) printJson(list);
        else print(list.length ? list.map(describe).join('\n') : 'No transfer requests.');
      }),
    );
  for (const [verb, op] of [
    ['approve', 'transfers.approve'],
    ['refuse', 'transfers.refuse'],
  ] as const)
    transfer
      .command(verb)
      .argument('<id>', 'the request number (device transfer list)')
      .option('--note <text>', 'the reason, kept with the request')
      .option('--json', 'print JSON')
      .description(`${verb} a transfer request (vendor only)`)
      .action((id: string, o: { note?: string; json?: boolean }, cmd: Command) =>
        withClient(cmd, async (c) => {
          const t = await c.call(op, { id: intOption(id.replace(/^#/, ''), 'the request number')!, note: o.note });
          if (o.json) printJson(t);
          else print(describe(t));
        }),
      );
}
