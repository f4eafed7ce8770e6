// How a code is declared: its kind, its typed parameters and its English template ({{name}}, the
// i18next interpolation syntax, so the renderer hands the same text to i18next unchanged). A code
// whose wording depends on the case (a missing group vs. an extra one) declares named variants;
// the variant travels as params.variant and picks the template (and the i18n key CODE_variant).

/**
 * input: the caller sent something malformed. rule: well-formed but refused by a licensing rule.
 * unavailable: a server could not be reached (as opposed to one that answered with a refusal).
 */
export type ErrorKind = 'input' | 'rule' | 'not_found' | 'conflict' | 'forbidden' | 'unavailable' | 'internal';

/** Flat values only, so every language can render them. Lists are shown joined with ", ". */
export type ParamValue = string | number | boolean | null | undefined | readonly string[] | readonly number[];
export type Params = Record<string, ParamValue>;
/** The shape of a message without parameters. */
export type NoParams = Record<never, never>;

export interface DefOptions {
  /** An HTTP status other than the kind's, for the few codes HTTP has its own status for. */
  status?: number;
}

export interface SingleDef<P extends Params> extends DefOptions {
  readonly kind: ErrorKind;
  readonly template: string;
  /** Type-only: the parameters' shape. */
  readonly params?: P;
}

export interface VariantDef<V extends Record<string, Params>> extends DefOptions {
  readonly kind: ErrorKind;
  readonly variants: { readonly [K in keyof V]: string };
  readonly params?: V;
}

export type AnyDef = SingleDef<Params> | VariantDef<Record<string, Params>>;

export const def = <P extends Params = NoParams>(
  kind: ErrorKind,
  template: string,
  opts: DefOptions = {},
): SingleDef<P> => ({
  kind,
  template,
  ...opts,
});

export const variants = <V extends Record<string, Params>>(
  kind: ErrorKind,
  templates: { [K in keyof V]: string },
  opts: DefOptions = {},
): VariantDef<V> => ({ kind, variants: templates, ...opts });

/** The params a code's factory takes: its declared shape, or one variant's shape plus its name. */
export type ParamsOf<D> =
  D extends VariantDef<infer V>
    ? { [K in keyof V]: { variant: K } & V[K] }[keyof V]
    : D extends SingleDef<infer P>
      ? P
      : never;
