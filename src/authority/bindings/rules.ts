// Host-binding rules as plain functions over plain data: which licences bind to a host, when an
// activation is refused because a licence is bound elsewhere, and the feature-number confirmation
// that makes resetting the wrong product's binding hard.
import { requireModel, type Catalogue } from '../../licensing/catalogue';
import { ruleError, type LdError } from '../../shared/errors';

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
  return ruleError(
    'BINDING_ELSEWHERE',
    `Licence ${what} of ${active.serial} is bound to host ${hostLabel(active)} since ${minute(active.first_seen)}; reset that binding first (binding ${active.id}: licence-desk binding reset ${active.id} --feature ${active.feature}).`,
    {
      binding: active.id,
      feature: active.feature,
      host: active.host_fingerprint,
      hostName: active.host_name,
      since: active.first_seen,
    },
  );
}

/** A reset names the feature it means; any other number leaves everything as it was. */
export function confirmReset(cat: Catalogue, binding: BindingFacts, feature: number): void {
  if (feature === binding.feature) return;
  throw ruleError(
    'BINDING_FEATURE_MISMATCH',
    `Binding ${binding.id} is feature ${binding.feature} (${productName(cat, binding.feature)}), not ${feature} (${productName(cat, feature)}); nothing was reset.`,
    { binding: binding.id, feature: binding.feature, given: feature },
  );
}

export const alreadyReset = (b: BindingFacts & { reset_by?: string | null }): LdError =>
  ruleError(
    'BINDING_ALREADY_RESET',
    `Binding ${b.id} (feature ${b.feature} on host ${hostLabel(b)}) was already reset on ${minute(b.reset_at ?? '')}${b.reset_by ? ` by ${b.reset_by}` : ''}.`,
    { binding: b.id, resetAt: b.reset_at },
  );
