// The product catalogue: which PBX models exist, which licence features they may carry, and the
// licensing rules per model (system activation, tryout, trial, host binding). It is data
// (assets/catalogue.json) so a new model or feature is an edit, not a code change, and it is
// validated when loaded so a broken catalogue fails at start with the exact field to fix instead
// of issuing a wrong licence later. No Node imports: the renderer (browser) uses this module too.
import { z } from 'zod';
import shippedCatalogue from '../../assets/catalogue.json' with { type: 'json' };
import { err, type LdError } from '../shared/errors';

// ---------------------------------------------------------------------------------------------
// Types. Written out (not z.infer) so consumers read a plain, readonly contract; loadCatalogue
// returns the schema's output as these types, so the compiler keeps both in step.

/** activation: once per PBX (quantity 1). countable: a floating pool of N. addon: quantity 1.
 *  product: the licence for a host product (Askozia), bound to a host, quantity 1. */
export type FeatureKind = 'activation' | 'countable' | 'addon' | 'product';
export type Vendor = 'auerswald' | 'miko';

export interface Feature {
  /** The feature number shown to resellers and written into certificates; unique, positive. */
  readonly number: number;
  readonly id: string;
  /** English name; translations (docs/glossary.md) in `names`. */
  readonly name: string;
  readonly kind: FeatureKind;
  readonly names?: { readonly de?: string; readonly ru?: string };
}

export interface Model {
  readonly id: string;
  readonly name: string;
  readonly vendor: Vendor;
  /** Business and Advanced only: operating the PBX needs a bought system activation. */
  readonly needsSystemActivation: boolean;
  /** COMtrexx VM only: a one-time tryout without bought licences. */
  readonly tryout: { readonly days: number; readonly testUsers: number } | null;
  /** Askozia: the trial that registration starts. */
  readonly trial: { readonly days: number } | null;
  /** true: licences bind to the PC/host (Askozia). false: to the PBX serial (COMtrexx). */
  readonly hostBound: boolean;
  /** Feature numbers this model may carry. */
  readonly features: readonly number[];
  /** The host product's own licence feature (Askozia PBX 33, CFE 34); null for COMtrexx. */
  readonly productFeature: number | null;
  readonly shopUrl?: string;
}

export interface Catalogue {
  readonly version: 1;
  readonly features: readonly Feature[];
  readonly models: readonly Model[];
}

// ---------------------------------------------------------------------------------------------
// Shape: zod checks each field; .strict() so a misspelt field is refused rather than ignored.

export const FEATURE_KINDS = ['activation', 'countable', 'addon', 'product'] as const;
const VENDORS = ['auerswald', 'miko'] as const;

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a lower-case id such as "user-licence"');
const text = z.string().min(1);
const positiveInt = z.number().int().positive();

const FeatureSchema = z
  .object({
    number: positiveInt,
    id: slug,
    name: text,
    kind: z.enum(FEATURE_KINDS),
    names: z.object({ de: text.optional(), ru: text.optional() }).strict().optional(),
  })
  .strict();

const ModelSchema = z
  .object({
    id: slug,
    name: text,
    vendor: z.enum(VENDORS),
    needsSystemActivation: z.boolean(),
    tryout: z.object({ days: positiveInt, testUsers: positiveInt }).strict().nullable(),
    trial: z.object({ days: positiveInt }).strict().nullable(),
    hostBound: z.boolean(),
    features: z.array(positiveInt).min(1),
    productFeature: positiveInt.nullable(),
    shopUrl: text.optional(),
  })
  .strict();

const CatalogueSchema = z
  .object({
    version: z.literal(1),
    features: z.array(FeatureSchema).min(1),
    models: z.array(ModelSchema).min(1),
  })
  .strict();

// ---------------------------------------------------------------------------------------------
// Problems: every failure is a path plus what was expected, so the message points at the field.

interface Problem {
  path: string;
  message: string;
}

type PathPart = PropertyKey;

/** ['models', 2, 'shopUrl'] -> 'models[2].shopUrl' (what a person would type to find it). */
export function formatPath(path: readonly PathPart[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(catalogue)' : out;
}

const show = (value: unknown): string => (value === undefined ? 'nothing' : JSON.stringify(value));

/** The object schema at a path, so an unknown-field message can list the allowed fields. */
function objectAt(schema: z.ZodType, path: readonly PathPart[]): z.ZodObject | undefined {
  let current: z.ZodType = schema;
  for (const part of path) {
    current = unwrap(current);
    if (current instanceof z.ZodArray && typeof part === 'number') current = current.element as z.ZodType;
    else if (current instanceof z.ZodObject && typeof part === 'string') current = current.shape[part] as z.ZodType;
    else return undefined;
    if (!current) return undefined;
  }
  current = unwrap(current);
  return current instanceof z.ZodObject ? current : undefined;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (current instanceof z.ZodNullable || current instanceof z.ZodOptional) current = current.unwrap() as z.ZodType;
  return current;
}

/** One zod issue as one or more problems, in words a catalogue editor understands. */
function describeIssue(issue: z.core.$ZodIssue): Problem[] {
  if (issue.code === 'unrecognized_keys')
    return issue.keys.map((key) => ({ path: formatPath([...issue.path, key]), message: unknownField(issue.path) }));
  const got = 'input' in issue ? issue.input : undefined;
  const expected = expectation(issue);
  // JSON has no undefined, so no input means the field is absent: say so rather than "got nothing".
  if (got === undefined && expected)
    return [{ path: formatPath(issue.path), message: `missing (expected ${expected})` }];
  const message = expected ? `expected ${expected}, got ${show(got)}` : issue.message;
  return [{ path: formatPath(issue.path), message }];
}

/** What the field should have been, or undefined where zod's own message is already the best. */
function expectation(issue: z.core.$ZodIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected;
    case 'invalid_value':
      return issue.values.map((v) => show(v)).join(' or ');
    case 'invalid_format':
      return issue.message;
    case 'too_small':
      return tooSmall(issue);
    default:
      return undefined;
  }
}

function unknownField(parentPath: readonly PathPart[]): string {
  const parent = objectAt(CatalogueSchema, parentPath);
  const allowed = parent ? Object.keys(parent.shape).join(', ') : undefined;
  return allowed ? `unknown field (allowed: ${allowed})` : 'unknown field';
}

function tooSmall(issue: z.core.$ZodIssueTooSmall): string {
  const min = Number(issue.minimum);
  if (issue.origin === 'array') return `at least ${min} entr${min === 1 ? 'y' : 'ies'}`;
  if (issue.origin === 'string') return 'a non-empty text';
  return `a number ${issue.inclusive ? 'of at least' : 'greater than'} ${min}`;
}

// ---------------------------------------------------------------------------------------------
// Cross checks: rules that span entries, which a per-field schema cannot see. They run only on a
// catalogue whose shape is already valid, so each check can trust its field types.

type Shaped = z.output<typeof CatalogueSchema>;

/** A key (number or id) must name one entry only: lookups and certificates rely on it. */
function checkUnique<T>(items: readonly T[], listName: string, field: string, key: (item: T) => unknown): Problem[] {
  const firstSeen = new Map<unknown, number>();
  const problems: Problem[] = [];
  items.forEach((item, index) => {
    const value = key(item);
    const first = firstSeen.get(value);
    if (first === undefined) firstSeen.set(value, index);
    else
      problems.push({
        path: `${listName}[${index}].${field}`,
        message: `${show(value)} is already used by ${listName}[${first}]`,
      });
  });
  return problems;
}

/** A model may only offer features the catalogue defines, each once. */
function checkModelFeatureRefs(cat: Shaped): Problem[] {
  const known = new Set(cat.features.map((f) => f.number));
  const valid = [...known].join(', ');
  const problems: Problem[] = [];
  cat.models.forEach((model, m) => {
    const seen = new Set<number>();
    model.features.forEach((number, i) => {
      const path = `models[${m}].features[${i}]`;
      if (!known.has(number))
        problems.push({ path, message: `feature ${number} does not exist (expected one of ${valid})` });
      else if (seen.has(number)) problems.push({ path, message: `feature ${number} is listed twice` });
      seen.add(number);
    });
  });
  return problems;
}

/** The rules tying a model's flags to its features (docs/catalogue.md); each rule says why in its message. */
function checkModelRules(cat: Shaped): Problem[] {
  const kindOf = new Map(cat.features.map((f) => [f.number, f.kind] as const));
  return cat.models.flatMap((model, m) => [
    ...checkActivation(model, m, kindOf),
    ...checkTryoutAndTrial(model, m, kindOf),
    ...checkProductFeature(model, m, kindOf),
    ...checkShopUrl(model, m),
  ]);
}

type KindOf = ReadonlyMap<number, FeatureKind>;
type ShapedModel = Shaped['models'][number];

const carriesKind = (model: ShapedModel, kind: FeatureKind, kindOf: KindOf): boolean =>
  model.features.some((n) => kindOf.get(n) === kind);

/** needsSystemActivation and carrying an activation feature must agree, or the authority would
 *  either demand a licence it cannot sell or sell one the PBX never asks for. */
function checkActivation(model: ShapedModel, m: number, kindOf: KindOf): Problem[] {
  const carries = carriesKind(model, 'activation', kindOf);
  if (model.needsSystemActivation === carries) return [];
  const message = model.needsSystemActivation
    ? 'is true, but the model carries no feature of kind "activation"'
    : 'is false, but the model carries a feature of kind "activation"';
  return [{ path: `models[${m}].needsSystemActivation`, message }];
}

/** Tryout is the COMtrexx VM's serial-bound, licence-free start with test *user* licences; trial
 *  is Askozia's host-bound 30-day licence. Where the model's kind does not allow one, refuse it. */
function checkTryoutAndTrial(model: ShapedModel, m: number, kindOf: KindOf): Problem[] {
  const problems: Problem[] = [];
  const tryout = `models[${m}].tryout`;
  if (model.tryout && model.needsSystemActivation)
    problems.push({
      path: tryout,
      message: 'expected null: a model that needs a system activation always needs bought licences',
    });
  if (model.tryout && model.hostBound)
    problems.push({
      path: tryout,
      message: 'expected null: tryout is for serial-bound models; host-bound models use a trial',
    });
  if (model.tryout && !carriesKind(model, 'countable', kindOf))
    problems.push({
      path: tryout,
      message: 'expected null: tryout grants test user licences, but the model carries no "countable" feature',
    });
  if (model.trial && !model.hostBound)
    problems.push({
      path: `models[${m}].trial`,
      message: 'expected null: a trial binds to a host, but hostBound is false',
    });
  return problems;
}

/** A host licence is the licence of the host product: a host-bound model names exactly that
 *  feature (shown on each binding, so a reset hits the right product), and only it does. */
function checkProductFeature(model: ShapedModel, m: number, kindOf: KindOf): Problem[] {
  const path = `models[${m}].productFeature`;
  const number = model.productFeature;
  if (number === null)
    return model.hostBound
      ? [{ path, message: 'missing: a host-bound model needs its product feature (kind "product")' }]
      : [];
  if (!model.hostBound) return [{ path, message: 'expected null: only host-bound models have a product feature' }];
  const kind = kindOf.get(number);
  if (kind === undefined) return [{ path, message: `feature ${number} does not exist` }];
  if (kind !== 'product') return [{ path, message: `feature ${number} is of kind "${kind}", expected "product"` }];
  if (!model.features.includes(number)) return [{ path, message: `feature ${number} is not in this model's features` }];
  return [];
}

/** The shop link opens in the user's browser from a licensing screen: plain http would let a
 *  network attacker swap the page where the reseller pays. */
function checkShopUrl(model: ShapedModel, m: number): Problem[] {
  if (model.shopUrl === undefined) return [];
  const path = `models[${m}].shopUrl`;
  const url = URL.canParse(model.shopUrl) ? new URL(model.shopUrl) : undefined;
  if (url?.protocol === 'https:') return [];
  return [{ path, message: `expected an https:// URL, got ${show(model.shopUrl)}` }];
}

function crossCheck(cat: Shaped): Problem[] {
  return [
    ...checkUnique(cat.features, 'features', 'number', (f) => f.number),
    ...checkUnique(cat.features, 'features', 'id', (f) => f.id),
    ...checkUnique(cat.models, 'models', 'id', (m) => m.id),
    ...checkModelFeatureRefs(cat),
    ...checkModelRules(cat),
  ];
}

// ---------------------------------------------------------------------------------------------
// Loading.

function invalid(problems: Problem[]): LdError {
  const lines = problems.map((p) => `${p.path}: ${p.message}`);
  return err.CATALOGUE_INVALID({ lines: lines.join('; '), problems: lines });
}

/** Freeze so the shared, cached catalogue cannot be changed by one caller under another. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Validates raw data (parsed JSON) as a catalogue; throws CATALOGUE_INVALID naming every bad
 *  field. The result is a fresh, frozen copy. */
export function loadCatalogue(raw: unknown): Catalogue {
  const parsed = CatalogueSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) throw invalid(parsed.error.issues.flatMap(describeIssue));
  const problems = crossCheck(parsed.data);
  if (problems.length > 0) throw invalid(problems);
  const catalogue: Catalogue = parsed.data;
  return deepFreeze(catalogue);
}

let cached: Catalogue | undefined;

/** The catalogue shipped in assets/, validated on first use and then shared. */
export function defaultCatalogue(): Catalogue {
  cached ??= loadCatalogue(shippedCatalogue);
  return cached;
}

// ---------------------------------------------------------------------------------------------
// Lookups. Inputs come from people (CLI, forms, pasted text), so they are trimmed and ids are
// matched without regard to case; a feature may be named by number ("33" or 33) or by id.

const norm = (s: string): string => s.trim().toLowerCase();

export function findModel(cat: Catalogue, id: string): Model | undefined {
  const wanted = norm(id);
  return cat.models.find((m) => m.id === wanted);
}

export function findFeature(cat: Catalogue, numberOrId: number | string): Feature | undefined {
  if (typeof numberOrId === 'number') return cat.features.find((f) => f.number === numberOrId);
  const wanted = norm(numberOrId);
  if (/^\d+$/.test(wanted)) return cat.features.find((f) => f.number === Number(wanted));
  return cat.features.find((f) => f.id === wanted);
}

export function requireModel(cat: Catalogue, id: string): Model {
  const model = findModel(cat, id);
  if (model) return model;
  const valid = cat.models.map((m) => m.id);
  throw err.UNKNOWN_MODEL({ shown: show(id), valid, model: id });
}

export function requireFeature(cat: Catalogue, numberOrId: number | string): Feature {
  const feature = findFeature(cat, numberOrId);
  if (feature) return feature;
  const valid = cat.features.map((f) => `${f.number} (${f.id})`);
  throw err.UNKNOWN_FEATURE({
    shown: show(numberOrId),
    choices: valid,
    feature: numberOrId,
    valid: cat.features.map((f) => f.number),
  });
}

/** The features a model may carry, in the model's order. */
export function featuresOf(cat: Catalogue, model: Model): Feature[] {
  return model.features.map((n) => requireFeature(cat, n));
}

/** Quantity rule by kind: only a countable (floating pool) feature may have more than one. */
export function isQuantityAllowed(feature: Feature, quantity: number): boolean {
  if (!Number.isInteger(quantity) || quantity < 1) return false;
  return feature.kind === 'countable' || quantity === 1;
}

/** The feature's name in a UI language, falling back to English. */
export function featureName(feature: Feature, lang: 'en' | 'de' | 'ru'): string {
  if (lang === 'en') return feature.name;
  return feature.names?.[lang] ?? feature.name;
}
