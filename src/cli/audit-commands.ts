// `audit list | verify`: read the hash-chained audit log, and prove it is intact (or name the
// first entry that is not; exit 1 then).
import type { Command } from 'commander';
import type { OpOutput } from '../shared/api';
import { ruleError } from '../shared/errors';
import { withClient } from './context';
import { table } from './format';
import { intOption, print, printJson } from './io';

type Entry = OpOutput<'audit.list'>[number];
type Verdict = OpOutput<'audit.verify'>;

const MAX_DATA = 80;

export function formatAudit(entries: Entry[]): string {
  if (entries.length === 0) return 'The audit log has no entries (yet).';
  return table(
    ['ID', 'AT (UTC)', 'ACTOR', 'ACTION', 'SUBJECT', 'DATA'],
    entries.map((e) => {
      const data = JSON.stringify(e.data);
      return [
        String(e.id),
        e.at.slice(0, 19).replace('T', ' '),
        e.actor,
        e.action,
        e.subject,
        data.length > MAX_DATA ? `${data.slice(0, MAX_DATA - 1)}…` : data,
      ];
    }),
  );
}

/** The verdict as one line; a broken chain becomes a rule error so the exit code is 1. */
export function auditVerdict(v: Verdict): string {
  if (v.ok) return `Audit log intact: ${v.entries} ${v.entries === 1 ? 'entry' : 'entries'}`;
  const b = v.firstBroken!;
  throw ruleError(
    'AUDIT_BROKEN',
    `Audit log broken at entry ${b.id}: ${b.reason}. Entries from ${b.id} on cannot be trusted (${v.entries} entries in the log).`,
    { id: b.id },
  );
}

export function auditCommands(program: Command): void {
  const audit = program.command('audit').description('the append-only, hash-chained audit log');
  audit
    .command('list')
    .description('entries, newest first')
    .option('--json', 'print JSON')
    .option('--limit <n>', 'at most N entries (default 100, up to 1000)')
    .option('--action <action>', 'only this action, e.g. certificate.issue')
    .option('--subject <subject>', 'only this subject, e.g. a serial')
    .action((o: { json?: boolean; limit?: string; action?: string; subject?: string }, cmd: Command) =>
      withClient(cmd, async (c) => {
        const limit = intOption(o.limit, '--limit');
        const entries = await c.call('audit.list', {
          ...(limit !== undefined ? { limit } : {}),
          ...(o.action ? { action: o.action } : {}),
          ...(o.subject ? { subject: o.subject } : {}),
        });
        if (o.json) printJson(entries);
        else print(formatAudit(entries));
      }),
    );
  audit
    .command('verify')
    .description('re-walk the hash chain; names the first broken entry (exit 1)')
    .option('--json', 'print JSON')
    .action((o: { json?: boolean }, cmd: Command) =>
      withClient(cmd, async (c) => {
        const verdict = await c.call('audit.verify', {});
        if (o.json) printJson(verdict);
        const line = auditVerdict(verdict);
        if (!o.json) print(line);
      }),
    );
}
