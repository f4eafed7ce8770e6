// Which wizards fit a device, from the catalogue summary app:info gives: Auerswald PBXs are
// licensed by serial (recreate; the VM, the model without a system activation, also has the
// tryout); MIKO's Askozia is licensed per host (register, trial, move to another host). A coupon
// from the shop can be redeemed for any model.
import type { AppInfo } from '../../shared/ipc/contract';
import type { DeviceStatus } from '../store/types';
import type { WizardKind } from '../wizards';

type Model = AppInfo['catalogue']['models'][number];

/** Feature 10: system activation (Business and Advanced); the VM model has none, and a tryout. */
const SYSTEM_ACTIVATION = 10;

export function wizardsFor(model: Model | undefined): WizardKind[] {
  if (!model) return ['recreate', 'coupon'];
  if (model.vendor === 'miko') return ['register', 'trial', 'coupon', 'recreate', 'moveHost'];
  return model.features.includes(SYSTEM_ACTIVATION) ? ['recreate', 'coupon'] : ['recreate', 'tryout', 'coupon'];
}

/** Bought (or coupon) licences in force: nothing left to try. */
const HAS_LICENCES: ReadonlySet<DeviceStatus> = new Set(['licensed', 'expiring', 'verification_overdue']);

export interface NextSteps {
  /** The step that moves the device forward, shown as the primary button (none: see needsLicences). */
  primary: WizardKind | null;
  /** The other steps that make sense in this state. */
  others: WizardKind[];
  /** A model that always needs bought licences has none: say what to buy instead of a wizard. */
  needsLicences: boolean;
}

/**
 * The device page's steps for the model and the state, the next one first: register → trial or
 * tryout → coupon or recreate. Steps that cannot apply are left out (a tryout for a model without
 * one, registering twice, moving a host binding that does not exist, a certificate with nothing in it).
 */
export function nextSteps(model: Model | undefined, status: DeviceStatus | undefined, registered: boolean): NextSteps {
  if (status === 'retired') return { primary: null, others: [], needsLicences: false };
  const unlicensed = status === undefined || status === 'unlicensed';
  if (model?.vendor === 'miko') {
    const steps: WizardKind[] = [];
    if (!registered) steps.push('register');
    if (!HAS_LICENCES.has(status ?? 'unlicensed') && status !== 'expired') steps.push('trial');
    if (!unlicensed) steps.push('recreate');
    steps.push('coupon');
    if (!unlicensed) steps.push('moveHost');
    // Once licensed, the next thing a reseller does is give the host its certificate.
    const primary = unlicensed ? steps[0]! : 'recreate';
    return { primary, others: steps.filter((s) => s !== primary), needsLicences: false };
  }
  const all = wizardsFor(model);
  if (unlicensed && model && all.includes('tryout')) {
    return { primary: 'tryout', others: ['coupon'], needsLicences: false };
  }
  if (unlicensed && model) return { primary: 'coupon', others: [], needsLicences: true };
  const others = all.filter(
    (k) => k !== 'recreate' && !(k === 'tryout' && (HAS_LICENCES.has(status!) || status === 'expired')),
  );
  return { primary: 'recreate', others, needsLicences: false };
}

/** What a wizard's device picker knows of a device (a row of devices:list). */
interface PickableDevice {
  retiredAt: string | null;
  registration: string | null;
  summary?: { status: DeviceStatus } | undefined;
}

/**
 * Whether a wizard can serve this device now: exactly the steps its device page offers, so a
 * picker never lists a PBX the wizard would refuse (a tryout for a Business, a trial for a COMtrexx).
 */
export function wizardServes(kind: WizardKind, model: Model | undefined, device: PickableDevice): boolean {
  const status = device.retiredAt ? 'retired' : device.summary?.status;
  const steps = nextSteps(model, status, device.registration !== null);
  return steps.primary === kind || steps.others.includes(kind);
}
