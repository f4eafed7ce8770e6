// Host-binding rules as plain functions over plain data: which licences bind to a host, when an
// activation is refused because a licence is bound elsewhere, and the feature-number confirmation
// that makes resetting the wrong product's binding hard.
import { requireModel, type Catalogue } from '../../licensing/catalogue';
import { err, type LdError } from '../../shared/errors';

export interface BindingFacts {
  id: number;
  serial: string;
  feature: number;
  host_fingerprint: string;
  host_name: string | null;
  first_seen: string;
  reset_at: string | null;
}

/**
 * The features of a certificate that bind to its host. On a host-bound model (Askozia) every
 * licence is a host licence — its product feature and anything else it carries; serial-bound
 * models (COMtrexx) bind nothing.
 */
export function hostBoundFeatures(cat: Catalogue, modelId: string, features: readonly { number: number }[]): number[] {
  if (!requireModel(cat, modelId).hostBound) return [];
  return [...new Set(features.map((f) => f.number))].sort((a, b) => a - b);
}

export const productName = (cat: Catalogue, feature: number): string =>
  cat.features.find((f) => f.number === feature)?.name ?? `feature ${feature}`;

export const shortHost = (hex: string): string => (hex.length > 12 ? `${hex.slice(0, 12)}…` : hex);

const hostLabel = (b: Pick<BindingFacts, 'host_fingerprint' | 'host_name'>): string =>
  `${shortHost(b.host_fingerprint)}${b.host_name ? ` (${b.host_name})` : ''}`;

const minute = (iso: string): string => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/** The refusal for an activation on `host` while the licence is actively bound to another host. */
export function boundElsewhere(cat: Catalogue, active: BindingFacts, host: string): LdError | null {
  if (active.reset_at !== null || active.host_fingerprint === host) return null;
  const what = `${active.feature} (${productName(cat, active.feature)})`;
  return err.BINDING_ELSEWHERE({
    what,
    serial: active.serial,
    hostLabel: hostLabel(active),
    sinceTime: minute(active.first_seen),
    binding: active.id,
    feature: active.feature,
    host: active.host_fingerprint,
    hostName: active.host_name,
    since: active.first_seen,
  });
}

/** A reset names the feature it means; any other number leaves everything as it was. */
export function confirmReset(cat: Catalogue, binding: BindingFacts, feature: number): void {
  if (feature === binding.feature) return;
  throw err.BINDING_FEATURE_MISMATCH({
    binding: binding.id,
    feature: binding.feature,
    bindingProduct: productName(cat, binding.feature),
    given: feature,
    givenProduct: productName(cat, feature),
  });
}

export const alreadyReset = (b: BindingFacts & { reset_by?: string | null }): LdError =>
  err.BINDING_ALREADY_RESET({
    binding: b.id,
    feature: b.feature,
    hostLabel: hostLabel(b),
    resetTime: minute(b.reset_at ?? ''),
    byWhom: b.reset_by ? ` by ${b.reset_by}` : '',
    resetAt: b.reset_at,
  });
