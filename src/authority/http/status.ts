// Which HTTP status answers which error. The kind decides, except for a few codes whose meaning
// HTTP has its own status for. scripts/error-codes.mjs reads this file to build the table of
// stable error codes (docs/server.md), so the table and the server cannot disagree.
import type { ErrorKind } from '../../shared/errors';

export const KIND_STATUS: Record<ErrorKind, number> = {
  input: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rule: 422,
  unavailable: 503,
  internal: 500,
};

export const CODE_STATUS: Record<string, number> = {
  TOKEN_MISSING: 401,
  TOKEN_INVALID: 401,
  BODY_TOO_LARGE: 413,
  CONTENT_TYPE_UNSUPPORTED: 415,
  RATE_LIMITED: 429,
};

export const statusOf = (e: { code: string; kind: ErrorKind }): number => CODE_STATUS[e.code] ?? KIND_STATUS[e.kind];
