// The one declaration of every error code: the area files list them, this file joins them and
// builds the typed factories. `throw err.CODE_GROUP_TYPO({ variant: 'typos', ... })` type-checks
// against the declaration; an unknown code or a missing or mistyped param does not compile.
import { APP_ERRORS } from './app';
import { AUTHORITY_ERRORS } from './authority';
import { CERTIFICATE_ERRORS } from './certificates';
import { CODE_ERRORS } from './codes';
import type { AnyDef, ErrorKind, Params, ParamsOf } from './define';
import { DEVICE_ERRORS } from './device';
import { KEY_ERRORS } from './keys';
import { SERVER_ERRORS } from './server';

export const ERROR_DEFS = {
  ...CODE_ERRORS,
  ...CERTIFICATE_ERRORS,
  ...AUTHORITY_ERRORS,
  ...SERVER_ERRORS,
  ...DEVICE_ERRORS,
  ...APP_ERRORS,
  ...KEY_ERRORS,
};

type Defs = typeof ERROR_DEFS;
export type ErrorCode = keyof Defs;
export type ErrorParams<C extends ErrorCode> = ParamsOf<Defs[C]>;

/** The i18n key of a message: the code, or CODE_variant for a code with variants. */
export type MessageKey = {
  [C in ErrorCode]: Defs[C] extends { variants: infer V } ? `${C}_${keyof V & string}` : C;
}[ErrorCode];

export interface ErrorValue {
  code: string;
  message: string;
  kind: ErrorKind;
  /** The values the message is made of, e.g. {variant: 'typos', groups: [7], ...} for a typo. */
  params?: Params;
}

const defOf = (code: string): AnyDef | undefined => (ERROR_DEFS as Record<string, AnyDef>)[code];

export const isErrorCode = (code: string): code is ErrorCode => defOf(code) !== undefined;

/** The key and English template for a code and its params; undefined for an unknown code or variant. */
export function templateOf(code: string, params: Params = {}): { key: string; template: string } | undefined {
  const d = defOf(code);
  if (!d) return undefined;
  if ('template' in d) return { key: code, template: d.template };
  const variant = String(params.variant);
  const template = d.variants[variant];
  return template === undefined ? undefined : { key: `${code}_${variant}`, template };
}

export const formatParam = (v: ParamValue | undefined): string =>
  v === undefined || v === null ? '' : Array.isArray(v) ? v.join(', ') : String(v);

type ParamValue = Params[string];

/** Fills a {{name}} template; an unknown placeholder is left visible rather than silently dropped. */
export const fillTemplate = (template: string, params: Params): string =>
  template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? formatParam(params[name]) : whole,
  );

/** The English message for a code and its params. */
export function renderErrorMessage(code: string, params: Params = {}): string {
  const t = templateOf(code, params);
  return t ? fillTemplate(t.template, params) : `${code}`;
}

export const kindOf = (code: string): ErrorKind => defOf(code)?.kind ?? 'internal';
export const statusOverride = (code: string): number | undefined => defOf(code)?.status;

/** Every message key with its English template: the renderer's English resources and the docs. */
export function englishMessages(): Record<MessageKey, string> {
  const out: Record<string, string> = {};
  for (const [code, d] of Object.entries(ERROR_DEFS as Record<string, AnyDef>)) {
    if ('template' in d) out[code] = d.template;
    else for (const [v, t] of Object.entries(d.variants)) out[`${code}_${v}`] = t;
  }
  return out as Record<MessageKey, string>;
}

export class LdError extends Error implements ErrorValue {
  readonly code: ErrorCode;
  readonly kind: ErrorKind;
  readonly params: Params;

  constructor(value: ErrorValue) {
    super(value.message);
    this.name = 'LdError';
    this.code = value.code as ErrorCode;
    this.kind = value.kind;
    this.params = value.params ?? {};
  }

  toValue(): ErrorValue {
    return { code: this.code, message: this.message, kind: this.kind, params: this.params };
  }
}

type Factory<P> = [keyof P] extends [never] ? (params?: P) => LdError : (params: P) => LdError;
type Factories = { [C in ErrorCode]: Factory<ErrorParams<C>> };

/** Makes an LdError from its declared code: the kind and the English message come from the registry. */
export function makeError(code: ErrorCode, params: Params = {}): LdError {
  return new LdError({ code, kind: kindOf(code), params, message: renderErrorMessage(code, params) });
}

export const err: Factories = Object.fromEntries(
  Object.keys(ERROR_DEFS).map((code) => [code, (params: Params = {}) => makeError(code as ErrorCode, params)]),
) as unknown as Factories;

export const isLdError = (e: unknown): e is LdError => e instanceof LdError;

/** Any thrown value as an ErrorValue; unknown failures keep their message but lose their stack. */
export function toErrorValue(e: unknown): ErrorValue {
  if (isLdError(e)) return e.toValue();
  const reason = e instanceof Error ? e.message : String(e);
  return err.INTERNAL({ variant: 'unexpected', reason }).toValue();
}
