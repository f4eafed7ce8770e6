// Errors are values: a stable machine code, a human message, and a kind that decides how each
// boundary reports it (CLI exit code, HTTP status, IPC envelope). Inside the app they travel as
// a thrown LdError so that a deep failure unwinds cleanly; every boundary turns them back into
// plain {code, message} objects and never shows a stack trace.

/**
 * input: the caller sent something malformed. rule: well-formed but refused by a licensing rule.
 * unavailable: a server could not be reached (as opposed to one that answered with a refusal).
 */
export type ErrorKind = 'input' | 'rule' | 'not_found' | 'conflict' | 'forbidden' | 'unavailable' | 'internal';

export interface ErrorValue {
  code: string;
  message: string;
  kind: ErrorKind;
  /** Optional machine-readable detail, e.g. {group: 7, text: 'K3J9ZQ2M'} for a typo. */
  details?: Record<string, unknown>;
}

export class LdError extends Error implements ErrorValue {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly details?: Record<string, unknown>;

  constructor(value: ErrorValue) {
    super(value.message);
    this.name = 'LdError';
    this.code = value.code;
    this.kind = value.kind;
    if (value.details) this.details = value.details;
  }

  toValue(): ErrorValue {
    return {
      code: this.code,
      message: this.message,
      kind: this.kind,
      ...(this.details ? { details: this.details } : {}),
    };
  }
}

export const inputError = (code: string, message: string, details?: Record<string, unknown>): LdError =>
  new LdError({ code, message, kind: 'input', ...(details ? { details } : {}) });

export const ruleError = (code: string, message: string, details?: Record<string, unknown>): LdError =>
  new LdError({ code, message, kind: 'rule', ...(details ? { details } : {}) });

export const notFound = (code: string, message: string): LdError => new LdError({ code, message, kind: 'not_found' });

export const conflictError = (code: string, message: string, details?: Record<string, unknown>): LdError =>
  new LdError({ code, message, kind: 'conflict', ...(details ? { details } : {}) });

/** Not allowed for this caller (a reseller calling a vendor operation, a missing or revoked token). */
export const forbidden = (code: string, message: string): LdError => new LdError({ code, message, kind: 'forbidden' });

export const isLdError = (e: unknown): e is LdError => e instanceof LdError;

/** Any thrown value as an ErrorValue; unknown failures keep their message but lose their stack. */
export function toErrorValue(e: unknown): ErrorValue {
  if (isLdError(e)) return e.toValue();
  const message = e instanceof Error ? e.message : String(e);
  return { code: 'INTERNAL', message: `Unexpected failure: ${message}`, kind: 'internal' };
}
