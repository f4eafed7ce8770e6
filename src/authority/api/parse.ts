// Input validation against a shared schema, with an error that names the field.
import type { z } from 'zod';
import { err } from '../../shared/errors';
import { issuePath, issueText } from '../../shared/zod-issues';

export function parseInput(schema: z.ZodType, raw: unknown): unknown {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const first = result.error.issues[0]!;
  const field = issuePath(first);
  throw err.INPUT_INVALID({ variant: 'issue', issue: issueText(first), field, issues: result.error.issues.length });
}
