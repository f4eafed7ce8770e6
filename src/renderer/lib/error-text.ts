// An error in the user's language: rendered from its code and params with the i18next key
// errors.<CODE> (or errors.<CODE>_<variant>), whose English text is the registry's template. An
// error without params, or with a code the registry does not know (an older server's, say), was
// not made from this registry: it keeps the message it came with.
import type { TFunction } from 'i18next';
import { formatParam, templateOf, type Params } from '../../shared/errors';

export interface ShownError {
  code: string;
  message: string;
  params?: Record<string, unknown> | undefined;
}

/** Params as i18next interpolates them: lists joined with ", ", nothing for null. */
function flat(params: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) out[k] = formatParam(v as Params[string]);
  return out;
}

export function errorText(t: TFunction, error: ShownError): string {
  if (!error.params) return error.message;
  const params = error.params as Params;
  const found = templateOf(error.code, params);
  if (!found) return error.message;
  // `replace` keeps params named like i18next options (count, context, lng) from steering it.
  return t(`errors.${found.key}`, { replace: flat(params), defaultValue: error.message });
}
