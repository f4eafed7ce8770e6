// Licence rules as plain functions over plain data: what may be granted, and what a certificate
// for a device carries on a given day.
import { requireFeature, requireModel, type Catalogue } from '../../licensing/catalogue';
import type { LicensedFeature } from '../../licensing/extensions';
import { inputError, ruleError } from '../../shared/errors';
import type { LicenceRow } from './licences';

interface DeviceLike {
  serial: string;
  model: string;
}

const DAY_MS = 24 * 3600 * 1000;
const MAX_DAYS = 100 * 365;
const MAX_QUANTITY = 100_000;

export interface GrantRequest {
  feature: number | string;
  quantity?: number;
  days?: number;
}

/** Validates a grant for a device; returns the row to store. */
export function planGrant(
  cat: Catalogue,
  device: DeviceLike,
  g: GrantRequest,
  now: Date,
): { feature: number; quantity: number; notAfter: string | null } {
  const feature = requireFeature(cat, g.feature);
  const model = requireModel(cat, device.model);
  if (!model.features.includes(feature.number)) {
    throw ruleError(
      'FEATURE_NOT_FOR_MODEL',
      `${model.name} cannot carry ${feature.name} (feature ${feature.number}); it takes features ${model.features.join(', ')}.`,
    );
  }
  const quantity = g.quantity ?? 1;
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
    throw inputError('QUANTITY_INVALID', `The quantity must be a whole number from 1 to ${MAX_QUANTITY}.`);
  }
  if (quantity > 1 && feature.kind !== 'countable') {
    throw inputError('QUANTITY_INVALID', `${feature.name} is not countable: its quantity is always 1.`);
  }
  if (g.days !== undefined && (!Number.isInteger(g.days) || g.days < 1 || g.days > MAX_DAYS)) {
    throw inputError('DAYS_INVALID', `The number of days must be a whole number from 1 to ${MAX_DAYS}.`);
  }
  const notAfter = g.days === undefined ? null : new Date(now.getTime() + g.days * DAY_MS).toISOString();
  return { feature: feature.number, quantity, notAfter };
}

/** The features a certificate issued now carries: active licences, equal ones merged. */
export function certificateFeatures(
  cat: Catalogue,
  device: DeviceLike,
  licences: LicenceRow[],
  now: Date,
): LicensedFeature[] {
  const active = licences.filter((l) => l.ended_at === null && (l.not_after === null || new Date(l.not_after) > now));
  const model = requireModel(cat, device.model);
  if (active.length === 0) {
    throw ruleError(
      'NO_LICENCES',
      `Device ${device.serial} has no active licences: grant one before recreating its certificate.`,
    );
  }
  const activation = cat.features.find((f) => f.kind === 'activation');
  if (model.needsSystemActivation && activation && !active.some((l) => l.feature === activation.number)) {
    throw ruleError(
      'SYSTEM_ACTIVATION_REQUIRED',
      `${model.name} needs a system activation licence (feature ${activation.number}).`,
    );
  }
  const merged = new Map<string, LicensedFeature>();
  for (const l of active) {
    const key = `${l.feature}|${l.not_after}|${l.source}`;
    const prev = merged.get(key);
    if (prev) prev.quantity += l.quantity;
    else
      merged.set(key, {
        number: l.feature,
        quantity: l.quantity,
        notAfter: l.not_after ? new Date(l.not_after) : null,
        source: l.source,
      });
  }
  return [...merged.values()].sort((a, b) => a.number - b.number);
}

/** A certificate lives as long as its longest licence, never beyond its issuer. */
export function certificateNotAfter(features: LicensedFeature[], issuerNotAfter: Date): Date {
  if (features.some((f) => f.notAfter === null)) return issuerNotAfter;
  const last = Math.max(...features.map((f) => f.notAfter!.getTime()));
  return new Date(Math.min(last, issuerNotAfter.getTime()));
}

export const CLOCK_SKEW_MS = 5 * 60 * 1000;
export const DAYS = DAY_MS;
