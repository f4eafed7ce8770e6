// `audit list | verify | head`: read the hash-chained audit log, prove it is intact and matches
// its signed checkpoints (or name the first entry that is not; exit 1 then), and print the newest
// checkpoint for a copy kept elsewhere.
import type { Command } from 'commander';
import type { OpOutput } from '../shared/api';
import { err } from '../shared/errors';
import { withClient } from './context';
import { table } from './format';
import { intOption, print, printJson, readInput } from './io';

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

/** The verdict as one line; a broken chain or a failed checkpoint becomes a rule error so the exit code is 1. */
export function auditVerdict(v: Verdict): string {
  if (v.ok) {
    const entries = `${v.entries} ${v.entries === 1 ? 'entry' : 'entries'}`;
    if (!v.checkpoint) return `Audit log intact: ${entries}`;
    const newer = v.entries - v.checkpoint.id;
    return newer === 0
      ? `Audit log intact: ${entries}, as the checkpoint signed at ${v.checkpoint.at} says`
      : `Audit log intact: ${entries}; the checkpoint signed at ${v.checkpoint.at} covers ${v.checkpoint.id} (${newer} newer not yet checkpointed)`;
  }
  if (v.problem) throw problemError(v.problem.code, v.problem.message, v.firstBroken?.id);
  const b = v.firstBroken!;
  throw err.AUDIT_BROKEN({ id: b.id, reason: b.reason, entries: v.entries });
}

type ProblemCode =
  | 'AUDIT_TAIL_MISSING'
  | 'AUDIT_REWRITTEN'
  | 'AUDIT_CHECKPOINT_MISSING'
  | 'AUDIT_CHECKPOINT_TRUNCATED'
  | 'AUDIT_CHECKPOINT_INVALID';
const PROBLEM_CODES: readonly string[] = [
  'AUDIT_TAIL_MISSING',
  'AUDIT_REWRITTEN',
  'AUDIT_CHECKPOINT_MISSING',
  'AUDIT_CHECKPOINT_TRUNCATED',
];

function problemError(code: string, message: string, id: number | undefined): Error {
  const known: ProblemCode = PROBLEM_CODES.includes(code) ? (code as ProblemCode) : 'AUDIT_CHECKPOINT_INVALID';
  return err[known]({ problem: message, ...(id === undefined ? {} : { id }) });
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
    .description(
      're-walk the hash chain and compare it with the signed checkpoints; names the first broken entry (exit 1)',
    )
    .option('--checkpoint <file>', 'also compare with checkpoints kept elsewhere (audit head output)')
    .option('--json', 'print JSON')
    .action((o: { json?: boolean; checkpoint?: string }, cmd: Command) =>
      withClient(cmd, async (c) => {
        const checkpoint = o.checkpoint === undefined ? undefined : readInput(o.checkpoint, 'a checkpoint file');
        const verdict = await c.call('audit.verify', checkpoint === undefined ? {} : { checkpoint });
        if (o.json) printJson(verdict);
        const line = auditVerdict(verdict);
        if (!o.json) print(line);
      }),
    );
  audit
    .command('head')
    .description('the newest signed checkpoint, one line: keep a copy elsewhere for audit verify --checkpoint')
    .option('--json', 'print JSON (with the audit signer certificate)')
    .action((o: { json?: boolean }, cmd: Command) =>
      withClient(cmd, async (c) => {
        const head = await c.call('audit.head', {});
        if (o.json) printJson(head);
        else print(head.line);
      }),
    );
}
