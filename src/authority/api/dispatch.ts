// The one door into the authority: look up the operation, check who may call it, validate the
// input against the shared schema, run it, and shape the output by the same contract.
import { isOpName, OPERATIONS, type OpName, type OpOutput } from '../../shared/api';
import { err } from '../../shared/errors';
import { parseInput } from './parse';

export { parseInput };
import type { Actor, AuthorityContext } from '../context';
import { HANDLERS } from './handlers';

export async function dispatch<N extends OpName>(
  ctx: AuthorityContext,
  actor: Actor,
  name: N | string,
  rawInput: unknown,
): Promise<OpOutput<N>> {
  if (!isOpName(name)) throw err.UNKNOWN_OPERATION({ name: String(name).slice(0, 60) });
  const op = OPERATIONS[name];
  if ('vendorOnly' in op && op.vendorOnly && !actor.vendor)
    throw err.VENDOR_ONLY({ summary: op.summary.toLowerCase() });
  const input = parseInput(op.input, rawInput ?? {});
  const output = await HANDLERS[name](ctx, actor, input as never);
  return op.output.parse(output) as OpOutput<N>;
}
