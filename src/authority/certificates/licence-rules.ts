// Licence rules as plain functions over plain data: what may be granted, and what a certificate
// for a device carries on a given day.
import { requireFeature, requireModel, type Catalogue } from '../../licensing/catalogue';
import type { LicensedFeature } from '../../licensing/extensions';
import { err } from '../../shared/errors';
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
    throw err.FEATURE_NOT_FOR_MODEL({
      name: model.name,
      feature: feature.name,
      number: feature.number,
      features: model.features.join(', '),
    });
  }
  const quantity = g.quantity ?? 1;
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
    throw err.QUANTITY_INVALID({ variant: 'range', maxQuantity: MAX_QUANTITY });
  }
  if (quantity > 1 && feature.kind !== 'countable') {
    throw err.QUANTITY_INVALID({ variant: 'notCountable', name: feature.name });
  }
  if (g.days !== undefined && (!Number.isInteger(g.days) || g.days < 1 || g.days > MAX_DAYS)) {
    throw err.DAYS_INVALID({ maxDays: MAX_DAYS });
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
    throw err.NO_LICENCES({ serial: device.serial });
  }
  const activation = cat.features.find((f) => f.kind === 'activation');
  if (model.needsSystemActivation && activation && !active.some((l) => l.feature === activation.number)) {
    throw err.SYSTEM_ACTIVATION_REQUIRED({ name: model.name, number: activation.number });
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
