// What each kind means at each boundary, decided here once: the HTTP status a server answers
// with and the exit code the CLI ends with. A code overrides the status only where HTTP has a
// status of its own for it (401, 413, 415, 429), declared with the code in the registry.
import type { ErrorKind } from './define';

export const KIND_STATUS: Record<ErrorKind, number> = {
  input: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rule: 422,
  unavailable: 503,
  internal: 500,
};

/** The HTTP status of an error: its kind's, unless its code declares HTTP's own (statusOverride). */
export const httpStatus = (kind: ErrorKind, override: number | undefined): number => override ?? KIND_STATUS[kind];

/** Bad input exits 2 (like a usage error); every refusal or failure exits 1. */
export const KIND_EXIT: Record<ErrorKind, number> = {
  input: 2,
  rule: 1,
  not_found: 1,
  conflict: 1,
  forbidden: 1,
  unavailable: 1,
  internal: 1,
};
