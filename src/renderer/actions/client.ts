// The API the actions call: the preload's (Electron) or browser mode's (api.ts), set once by
// main.tsx; tests set a fake built on a real dispatcher.
import type { Api } from '../../shared/ipc/contract';
import type { Result } from '../../shared/result';
import type { UiError } from '../store/types';

let current: Api | undefined;

export function setApi(api: Api): void {
  current = api;
}

export function api(): Api {
  if (!current) throw new Error('setApi() was not called before the first action');
  return current;
}

/** The value, or the error as the user should read it (code + message, never a stack). */
export function unwrap<T>(r: Result<T>): { value: T; error: null } | { value: null; error: UiError } {
  return r.ok
    ? { value: r.value, error: null }
    : { value: null, error: { code: r.error.code, message: r.error.message, params: r.error.params } };
}
