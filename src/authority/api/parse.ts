// Input validation against a shared schema, with an error that names the field.
import type { z } from 'zod';
import { inputError } from '../../shared/errors';

export function parseInput(schema: z.ZodType, raw: unknown): unknown {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const first = result.error.issues[0]!;
  const field = first.path.length ? first.path.join('.') : 'input';
  const message =
    first.code === 'unrecognized_keys'
      ? `unknown field${first.keys.length > 1 ? 's' : ''} ${first.keys.join(', ')}`
      : first.message;
  throw inputError('INPUT_INVALID', `${field}: ${message}.`, { field, issues: result.error.issues.length });
}
