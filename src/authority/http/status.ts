// Which HTTP status answers which error: the kind decides (src/shared/errors/kinds.ts), except for
// the few codes whose meaning HTTP has its own status for, declared with the code in the registry.
import { ERROR_DEFS, httpStatus, statusOverride, type ErrorKind } from '../../shared/errors';

export const statusOf = (e: { code: string; kind: ErrorKind }): number => httpStatus(e.kind, statusOverride(e.code));

/** Every code with its kind and status, sorted: the list /openapi.json serves as x-error-codes. */
export const ERROR_CODES: readonly { code: string; kind: ErrorKind; status: number }[] = Object.entries(ERROR_DEFS)
  .map(([code, d]) => ({ code, kind: d.kind, status: statusOf({ code, kind: d.kind }) }))
  .sort((a, b) => a.code.localeCompare(b.code));
