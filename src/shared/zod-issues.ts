// One way to say what a schema check found, for every boundary that validates with zod: API
// input, IPC payloads and results, the PBX's receipts and state files. The catalogue adds the
// allowed keys to its own messages (licensing/catalogue.ts) because a vendor edits that file by hand.
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

/** Where the issue is: the dotted path, or `whole` for the value itself. */
export const issuePath = (issue: Issue, whole = 'input'): string =>
  issue.path.length ? issue.path.map(String).join('.') : whole;

/** "path: what is wrong", with unknown keys named rather than zod's generic sentence. */
export function issueText(issue: Issue, whole = 'input'): string {
  const what =
    issue.code === 'unrecognized_keys'
      ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`
      : issue.message;
  return `${issuePath(issue, whole)}: ${what}`;
}

/** The first few issues in one line, and how many more there are. */
export function describeIssues(issues: readonly Issue[], whole = 'input', max = 3): string {
  const parts = issues.slice(0, max).map((i) => issueText(i, whole));
  return `${parts.join('; ')}${issues.length > max ? ` (and ${issues.length - max} more)` : ''}`;
}
