// Which wizards fit a device, from the catalogue summary app:info gives: Auerswald PBXs are
// licensed by serial (recreate; the VM, the model without a system activation, also has the
// tryout); MIKO's Askozia is licensed per host (register, trial, move to another host). A coupon
// from the shop can be redeemed for any model.
import type { AppInfo } from '../../shared/ipc/contract';
import type { WizardKind } from '../wizards';

type Model = AppInfo['catalogue']['models'][number];

/** Feature 10: system activation (Business and Advanced); the VM model has none, and a tryout. */
const SYSTEM_ACTIVATION = 10;

export function wizardsFor(model: Model | undefined): WizardKind[] {
  if (!model) return ['recreate', 'coupon'];
  if (model.vendor === 'miko') return ['register', 'trial', 'coupon', 'recreate', 'moveHost'];
  return model.features.includes(SYSTEM_ACTIVATION) ? ['recreate', 'coupon'] : ['recreate', 'tryout', 'coupon'];
}
