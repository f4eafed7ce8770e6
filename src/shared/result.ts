// What every API call returns, across IPC and HTTP alike: a value, or an error a person can read.
// Errors are data here (never a thrown Error, never a stack), so the renderer handles both cases
// with one `if (result.ok)` and nothing about the main process leaks through a failure.

export interface ErrorEnvelope {
  code: string;
  message: string;
  /** The values the message is made of (src/shared/errors): the renderer renders it from them. */
  params?: Record<string, unknown>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorEnvelope };

export const okResult = <T>(value: T): Result<T> => ({ ok: true, value });

export const errorResult = (code: string, message: string, params?: Record<string, unknown>): Result<never> => ({
  ok: false,
  error: { code, message, ...(params ? { params } : {}) },
});
