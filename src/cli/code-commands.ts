// `code decode` and `code inspect`: any pasted code as PEM, or every field of it.
import type { Command } from 'commander';
import { defaultCatalogue } from '../licensing/catalogue';
import { codeToPem, decodeCode } from '../licensing/codes';
import { inspectCode } from '../licensing/inspect';
import { LdError } from '../shared/errors';
import { print, printJson, readInput } from './io';

export function codeCommands(program: Command): void {
  const code = program.command('code').description('initialisation and answer codes');
  code
    .command('decode')
    .argument('[file]', 'file with the code, or - for standard input', '-')
    .description('print a code as PEM (an answer: its certificate first, then the chain)')
    .action((file: string) => print(codeToPem(decodeCode(readInput(file, 'a code'), 'any'))));
  code
    .command('inspect')
    .argument('[file]', 'file with the code, or - for standard input', '-')
    .option('--json', 'print JSON')
    .description('show every field of a code and why it would be refused')
    .action((file: string, o: { json?: boolean }) => {
      const result = inspectCode(readInput(file, 'a code'), defaultCatalogue());
      if (o.json) printJson(result);
      else print(formatInspection(result));
      if (!result.ok && result.error) throw new LdError(result.error);
    });
}

function formatInspection(r: ReturnType<typeof inspectCode>): string {
  const kind = r.kind === 'init' ? 'Initialisation code' : r.kind === 'answer' ? 'Answer code' : 'Unrecognised text';
  const lines = [`${kind}${r.format ? ` (${r.format === 'pem' ? 'PEM' : 'Licence Desk code'})` : ''}`];
  for (const [k, v] of Object.entries(r.fields))
    lines.push(`  ${k}: ${typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)}`);
  return lines.join('\n');
}
