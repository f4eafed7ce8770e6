// The one door into the authority: look up the operation, check who may call it, validate the
// input against the shared schema, run it, and shape the output by the same contract.
import type { z } from 'zod';
import { isOpName, OPERATIONS, type OpName, type OpOutput } from '../../shared/api';
import { forbidden, inputError } from '../../shared/errors';
import type { Actor, AuthorityContext } from '../context';
import { HANDLERS } from './handlers';

export async function dispatch<N extends OpName>(ctx: AuthorityContext, actor: Actor, name: N | string, rawInput: unknown): Promise<OpOutput<N>> {
  if (!isOpName(name)) throw inputError('UNKNOWN_OPERATION', `There is no operation "${String(name).slice(0, 60)}".`);
  const op = OPERATIONS[name];
  if ('vendorOnly' in op && op.vendorOnly && !actor.vendor) throw forbidden('VENDOR_ONLY', `Only the vendor may ${op.summary.toLowerCase()}.`);
  const input = parseInput(op.input, rawInput ?? {});
  const output = await HANDLERS[name](ctx, actor, input as never);
  return op.output.parse(output) as OpOutput<N>;
}

export function parseInput(schema: z.ZodType, raw: unknown): unknown {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const first = result.error.issues[0]!;
  const field = first.path.length ? first.path.join('.') : 'input';
  const message = first.code === 'unrecognized_keys' ? `unknown field${first.keys.length > 1 ? 's' : ''} ${first.keys.join(', ')}` : first.message;
  throw inputError('INPUT_INVALID', `${field}: ${message}.`, { field, issues: result.error.issues.length });
}
